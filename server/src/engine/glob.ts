/**
 * Minimal glob matching for settings (`pbxlint.fileKinds`, `pbxlint.exclude`): `**` any
 * path, `*` and `?` within one path segment, `{a,b}` alternatives. A pattern without `/`
 * matches the file's base name, like .gitignore.
 */
const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let re = cache.get(glob);
  if (re) return re;
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        out += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += glob[i + 2] === '/' ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') out += '(?:';
    else if (c === '}') out += ')';
    else if (c === ',' && out.includes('(?:')) out += '|';
    else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  re = new RegExp(`^${out}$`);
  cache.set(glob, re);
  return re;
}

export function globMatch(glob: string, path: string): boolean {
  const p = path.replace(/\\/g, '/');
  if (!glob.includes('/')) return globToRegExp(glob).test(p.slice(p.lastIndexOf('/') + 1));
  const re = globToRegExp(glob.startsWith('**/') || glob.startsWith('/') ? glob : `**/${glob}`);
  return re.test(p);
}
