/**
 * What the `*filter` table of an iptables-save file does to traffic arriving at the PBX
 * (host-rules.md §F, host-syntax.md §6.2): chain order as the kernel gets it, the INPUT policy,
 * whether INPUT is default-deny, and a walk of INPUT (following jumps) for a NEW packet from an
 * arbitrary Internet address to a given port.
 *
 * A rule's match against "the world" is three-valued: `all` (every such packet matches: no
 * source restriction, or a negated one), `none` (it cannot match: a specific `-s`, `-i lo`, a
 * state list without NEW, another protocol or port), `some` (it depends on things the file does
 * not say: an interface, a source port, string/recent/set/limit matches). Only `all` ACCEPTs
 * open a port; only `all` DROP/REJECTs close it.
 */
import type { Span, TextEdit } from '../../text';
import { BUILTIN_CHAINS, IptChain, IptDocument, IptMatchValue, IptRule, IptTable } from './parser';

export type Reach = 'all' | 'some' | 'none';

export function filterTable(doc: IptDocument): IptTable | undefined {
  return doc.tables.find((t) => t.name.text === 'filter');
}

export function chainDecl(t: IptTable, name: string): IptChain | undefined {
  return t.chains.find((c) => c.name.text === name);
}

/** The rules of a chain in the order the kernel gets them (`-A` appends, `-I [n]` inserts, `-F` flushes). */
export function chainRules(t: IptTable, name: string): IptRule[] {
  let out: IptRule[] = [];
  for (const r of t.rules) {
    if (!r.command || r.chain?.text !== name) continue;
    const f = r.command.flag;
    if (f === '-A') out.push(r);
    else if (f === '-I') out.splice(Math.max(0, Math.min(out.length, (r.position ?? 1) - 1)), 0, r);
    else if (f === '-F') out = [];
  }
  return out;
}

/** The policy of a built-in chain (a `-P` line wins over the declaration; ACCEPT when not given). */
export function policyOf(t: IptTable, name: string): { policy: string; span?: Span } {
  let policy = 'ACCEPT';
  let span: Span | undefined;
  const decl = chainDecl(t, name);
  if (decl?.policy && decl.policy.text !== '-') {
    policy = decl.policy.text;
    span = decl.policy;
  }
  for (const r of t.rules) {
    if (r.command?.flag === '-P' && r.chain?.text === name) {
      const w = r.words[r.words.indexOf(r.chain) + 1];
      if (w) {
        policy = w.text;
        span = w;
      }
    }
  }
  return { policy, span };
}

const TERMINAL_DENY = new Set(['DROP', 'REJECT']);

/** True when a rule has no qualifier at all (a `-m comment` is not one). */
export function unconditional(r: IptRule): boolean {
  return (
    !r.source &&
    !r.destination &&
    !r.protocol &&
    !r.inInterface &&
    !r.outInterface &&
    !r.fragment &&
    !r.dports &&
    !r.sports &&
    !r.anyPorts &&
    !r.state &&
    r.modules.every((m) => m === 'comment') &&
    r.otherOptions.every((o) => o.option.text === '--comment')
  );
}

export function isCatchAllDeny(r: IptRule): boolean {
  return !!r.target && TERMINAL_DENY.has(r.target.text) && unconditional(r);
}

export interface InputState {
  table?: IptTable;
  rules: IptRule[];
  policy: string;
  policySpan?: Span;
  /** The first unconditional DROP/REJECT in INPUT, if any. */
  catchAll?: IptRule;
  /** Policy DROP, or an unconditional DROP/REJECT in INPUT. */
  defaultDeny: boolean;
}

export function inputState(doc: IptDocument): InputState {
  const table = filterTable(doc);
  if (!table) return { rules: [], policy: 'ACCEPT', defaultDeny: false };
  const rules = chainRules(table, 'INPUT');
  const { policy, span } = policyOf(table, 'INPUT');
  const catchAll = rules.find(isCatchAllDeny);
  return { table, rules, policy, policySpan: span, catchAll, defaultDeny: policy === 'DROP' || !!catchAll };
}

const LOOPBACK_V4 = /^127\./;

function isWorldAddress(v: string): boolean {
  return v === '0.0.0.0/0' || v === '0/0' || v === '::/0' || v === '0.0.0.0/0.0.0.0';
}

/** Ports of a `--dport 5060`, `--dports 5060,5061`, `10000:20000`, `:1024`, `1024:` value. */
export function portsCover(v: IptMatchValue, port: number): boolean {
  const names: Record<string, number> = { ssh: 22, ftp: 21, tftp: 69, http: 80, https: 443, mysql: 3306, sip: 5060, 'sip-tls': 5061, iax: 4569 };
  return v.text.split(',').some((item) => {
    const [a, b] = item.split(':');
    const num = (s: string | undefined, dflt: number) => (s === undefined || s === '' ? dflt : /^\d+$/.test(s) ? Number(s) : names[s] ?? NaN);
    if (b === undefined) return num(a, NaN) === port;
    return num(a, 0) <= port && port <= num(b, 65535);
  });
}

function protoMatches(p: IptMatchValue | undefined, proto: 'tcp' | 'udp'): boolean {
  if (!p) return true;
  const v = p.text.toLowerCase();
  const eq = v === proto || v === 'all' || v === '0' || (proto === 'tcp' && v === '6') || (proto === 'udp' && v === '17');
  return p.negated ? !eq : eq;
}

/** Modules whose options are judged (or harmless) here; any other module restricts to "some". */
const KNOWN_MODULES = new Set(['tcp', 'udp', 'multiport', 'comment', 'conntrack', 'state', 'icmp', 'icmp6', 'addrtype']);

/** How much of the world's NEW traffic to proto/port a rule matches. */
export function reach(r: IptRule, proto: 'tcp' | 'udp', port: number): Reach {
  let out: Reach = 'all';
  const lower = (x: Reach) => {
    if (x === 'none' || (x === 'some' && out === 'all')) out = x;
  };
  if (r.source) {
    const world = isWorldAddress(r.source.text);
    lower(r.source.negated ? (world ? 'none' : 'all') : world ? 'all' : 'none');
  }
  if (r.inInterface) {
    const lo = r.inInterface.text === 'lo';
    lower(r.inInterface.negated ? (lo ? 'all' : 'some') : lo ? 'none' : 'some');
  }
  if (!protoMatches(r.protocol, proto)) lower('none');
  if (r.dports) {
    const c = portsCover(r.dports, port);
    lower((r.dports.negated ? !c : c) ? 'all' : 'none');
  }
  if (r.anyPorts) {
    const c = portsCover(r.anyPorts, port);
    lower((r.anyPorts.negated ? !c : c) ? 'all' : 'some');
  }
  if (r.sports) lower('some');
  if (r.state) {
    const states = r.state.text.toUpperCase().split(',');
    const matchesNew = states.includes('NEW') || states.includes('UNTRACKED');
    lower((r.state.negated ? !matchesNew : matchesNew) ? 'all' : 'none');
  }
  if (r.fragment) lower('none');
  if (r.modules.some((m) => !KNOWN_MODULES.has(m))) lower('some');
  for (const o of r.otherOptions) {
    if (o.option.text === '--comment') continue;
    if (o.option.text === '--icmp-type' || o.option.text === '--icmpv6-type') continue;
    if (o.option.text === '--dst-type' && /LOCAL/i.test(o.text) && !o.negated) continue;
    lower('some');
  }
  return out;
}

export interface Verdict {
  open: boolean;
  /** The ACCEPT rule that lets the world in, or undefined when the chain policy does. */
  via?: IptRule;
  /** The rule that drops it (undefined when the policy does). */
  closedBy?: IptRule;
}

/**
 * Walks INPUT for a NEW packet from anywhere to proto/port: the first rule that matches every
 * such packet and decides (ACCEPT, DROP, REJECT, RETURN, or a user chain that decides) wins.
 */
export function probe(doc: IptDocument, proto: 'tcp' | 'udp', port: number): Verdict {
  const st = inputState(doc);
  if (!st.table) return { open: true };
  const table = st.table;
  type Walk = { kind: 'accept' | 'deny'; rule: IptRule } | { kind: 'return' } | { kind: 'fallthrough' };
  const walk = (chain: string, depth: number, seen: Set<string>): Walk => {
    if (depth > 16 || seen.has(chain)) return { kind: 'fallthrough' };
    const next = new Set(seen).add(chain);
    for (const r of chainRules(table, chain)) {
      const target = r.target?.text;
      if (!target) continue;
      const m = reach(r, proto, port);
      if (m === 'none') continue;
      if (target === 'ACCEPT') {
        if (m === 'all') return { kind: 'accept', rule: r };
        continue;
      }
      if (TERMINAL_DENY.has(target)) {
        if (m === 'all') return { kind: 'deny', rule: r };
        continue;
      }
      if (target === 'RETURN') {
        if (m === 'all') return { kind: 'return' };
        continue;
      }
      if (chainDecl(table, target) || table.rules.some((x) => x.command?.flag === '-N' && x.chain?.text === target)) {
        const sub = walk(target, depth + 1, next);
        if (sub.kind === 'accept' || sub.kind === 'deny') {
          if (m === 'all') return sub;
          continue;
        }
        if (r.goto && m === 'all') return { kind: 'return' };
      }
      // LOG, MARK and other non-terminating targets: carry on.
    }
    return { kind: 'fallthrough' };
  };
  const res = walk('INPUT', 0, new Set());
  if (res.kind === 'accept') return { open: true, via: res.rule };
  if (res.kind === 'deny') return { open: false, closedBy: res.rule };
  return { open: st.policy !== 'DROP' };
}

/** A rule accepting loopback: `-i lo … -j ACCEPT` with no protocol/port/state restriction. */
export function isLoopbackAccept(r: IptRule): boolean {
  return (
    r.target?.text === 'ACCEPT' &&
    !!r.inInterface &&
    r.inInterface.text === 'lo' &&
    !r.inInterface.negated &&
    !r.protocol &&
    !r.dports &&
    !r.state &&
    (!r.source || (!r.source.negated && (LOOPBACK_V4.test(r.source.text) || r.source.text === '::1/128' || r.source.text === '::1')))
  );
}

/** A DROP/REJECT that can hit loopback traffic: no `-i` (other than a negated lo) and no `-s`. */
export function mayDropLoopback(r: IptRule): boolean {
  if (!r.target || !TERMINAL_DENY.has(r.target.text)) return false;
  if (r.inInterface && !(r.inInterface.negated && r.inInterface.text !== 'lo')) return false;
  if (r.source) {
    // `! -s 10.0.0.0/8` hits 127.0.0.1; `! -s 127.0.0.0/8` does not.
    if (!r.source.negated) return false;
    if (LOOPBACK_V4.test(r.source.text) || r.source.text.startsWith('::1')) return false;
  }
  return true;
}

/** An ACCEPT of replies: `--ctstate`/`--state` listing ESTABLISHED. */
export function isEstablishedAccept(r: IptRule): boolean {
  return r.target?.text === 'ACCEPT' && !!r.state && !r.state.negated && r.state.text.toUpperCase().split(',').includes('ESTABLISHED') && !r.source && !r.inInterface;
}

export function eolOf(doc: IptDocument): string {
  const l = doc.lines.find((x) => x.eolEnd > x.end);
  return l ? doc.text.slice(l.end, l.eolEnd) : '\n';
}

/** Inserts a rule line as the first INPUT rule of the table (before its first INPUT rule line, else before COMMIT). */
export function insertFirstInput(doc: IptDocument, table: IptTable, ruleText: string): TextEdit {
  const first = chainRules(table, 'INPUT')[0];
  return insertBeforeLine(doc, first ? first.line : table.commit ? table.commit.index : table.lastLine + 1, ruleText);
}

export function insertBeforeLine(doc: IptDocument, line: number, text: string): TextEdit {
  const eol = eolOf(doc);
  if (line >= doc.lines.length) {
    const t = doc.text;
    const lead = t.length && !t.endsWith('\n') ? eol : '';
    return { start: t.length, end: t.length, newText: lead + text + eol };
  }
  const at = doc.lines[line].start + (line === 0 && doc.bom ? 1 : 0);
  return { start: at, end: at, newText: text + eol };
}

export function insertAfterLine(doc: IptDocument, line: number, text: string): TextEdit {
  const l = doc.lines[line];
  const eol = eolOf(doc);
  if (l.eolEnd > l.end) return { start: l.eolEnd, end: l.eolEnd, newText: text + eol };
  return { start: l.end, end: l.end, newText: eol + text };
}

export function deleteLine(doc: IptDocument, line: number): TextEdit {
  return { start: doc.lines[line].start, end: doc.lines[line].eolEnd, newText: '' };
}

/** The span to anchor an INPUT-wide finding on: the policy word, the catch-all rule, the table, or the first line. */
export function inputAnchor(doc: IptDocument, st: InputState): Span {
  if (st.policySpan && (st.policy === 'DROP' || !st.catchAll)) return st.policySpan;
  if (st.catchAll?.target) return ruleSpan(doc, st.catchAll);
  const decl = st.table && chainDecl(st.table, 'INPUT');
  if (decl) return decl.name;
  if (st.table) return st.table.header;
  if (doc.tables[0]) return doc.tables[0].header;
  const first = doc.lines.find((l) => l.kind !== 'blank');
  return first ? { start: first.start + (first.index === 0 && doc.bom ? 1 : 0), end: first.end } : { start: 0, end: 0 };
}

/** A rule's words, from the first to the last. */
export function ruleSpan(doc: IptDocument, r: IptRule): Span {
  const w = r.words;
  if (!w.length) return { start: doc.lines[r.line].start, end: doc.lines[r.line].end };
  return { start: w[0].start, end: w[w.length - 1].end };
}

export function isBuiltin(table: IptTable, chain: string): boolean {
  return (BUILTIN_CHAINS[table.name.text] ?? []).includes(chain);
}

export function familyWord(doc: IptDocument): string {
  return doc.family === 'ipv6' ? 'any IPv6 address' : 'anywhere on the Internet';
}
