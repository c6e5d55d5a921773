/**
 * Per-document memo for the models rules share (peer lists, ACL lists, object models): the
 * first rule that asks computes it, the others reuse it. Keyed on the parsed document (and
 * any extra key, such as the settings object), held weakly, so nothing outlives the lint.
 */
const cache = new WeakMap<object, Map<unknown, unknown>>();

export function memo<T>(doc: object, key: unknown, compute: () => T): T {
  let m = cache.get(doc);
  if (!m) {
    m = new Map();
    cache.set(doc, m);
  }
  if (m.has(key)) return m.get(key) as T;
  const v = compute();
  m.set(key, v);
  return v;
}

/** A key made of several parts (e.g. a function and the settings object it depends on). */
const composite = new WeakMap<object, Map<unknown, object>>();
export function keyOf(a: object, b: unknown): object {
  let m = composite.get(a);
  if (!m) {
    m = new Map();
    composite.set(a, m);
  }
  let k = m.get(b);
  if (!k) {
    k = {};
    m.set(b, k);
  }
  return k;
}
