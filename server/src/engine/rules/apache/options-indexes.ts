import type { Rule, Severity } from '../../rule';
import type { ApacheDocument, ApItem, ApSection } from '../../host/apache/parser';
import { ancestors, shown } from '../../host/apache/model';
import { sensitiveDir, sensitiveUrl } from './admin-paths';
import { fix, lowered } from './util';

/** Does this Options line leave Indexes on, and which token turns it on? */
function indexesToken(d: ApItem): { token: ApItem['args'][number]; all: boolean } | undefined {
  let on: { token: ApItem['args'][number]; all: boolean } | undefined;
  for (const a of d.args) {
    const t = a.text.toLowerCase();
    if (t === 'indexes' || t === '+indexes') on = { token: a, all: false };
    else if (t === 'all' || t === '+all') on = { token: a, all: true };
    else if (t === '-indexes' || t === 'none' || (t === '-all' && on?.all)) on = undefined;
  }
  return on;
}

function containerOf(d: ApItem): ApSection | undefined {
  return ancestors(d).find((s) => ['directory', 'directorymatch', 'location', 'locationmatch', 'files', 'filesmatch'].includes(s.tag));
}

export const rule: Rule<ApacheDocument> = {
  id: 'apache-options-indexes',
  title: 'Directory listings are enabled (Options Indexes)',
  severity: 'warning',
  fileKinds: ['apache'],
  fix: 'offer',
  description:
    'With Indexes on, any directory without an index file is listed: call recordings, voicemail, backups and phone-provisioning files with SIP passwords (on many PBXs /var/www/html is also the provisioning root) become browsable by anyone who guesses the directory.',
  check(ctx) {
    const doc = ctx.doc;
    for (const d of doc.directives) {
      if (d.lname !== 'options') continue;
      const on = indexesToken(d);
      if (!on) continue;
      const c = containerOf(d);
      const arg = c?.open?.args[c.open.args[0]?.text === '~' ? 1 : 0]?.text ?? '';
      const sensitive = c ? (c.tag.startsWith('location') ? sensitiveUrl(arg) : sensitiveDir(arg)) : undefined;
      const severity: Severity = sensitive ? 'error' : 'warning';
      const where = c?.open ? `<${c.open.name.text} ${shown(arg)}>` : 'the server default';
      const t = on.token;
      const fixes = [];
      if (!on.all) {
        const tl = t.text.toLowerCase();
        if (tl === '+indexes') fixes.push(fix('Turn Indexes off (-Indexes)', [{ start: t.start, end: t.start + 1, newText: '-' }], 'offer'));
        else if (d.args.length === 1) fixes.push(fix('Replace with Options None', [{ start: t.start, end: t.end, newText: 'None' }], 'offer'));
        else {
          const i = d.args.indexOf(t);
          const edit = i < d.args.length - 1 ? { start: t.start, end: d.args[i + 1].start, newText: '' } : { start: d.args[i - 1].end, end: t.end, newText: '' };
          fixes.push(fix('Remove Indexes from Options', [edit], 'offer'));
        }
      }
      ctx.report({
        span: t,
        severity: lowered(severity, d),
        message: `Options ${shown(t.text)} in ${where} lists the contents of every directory without an index file${sensitive ? `, under ${sensitive.label}` : ''}: recordings, backups or provisioning files with SIP passwords become browsable. Remove Indexes${on.all ? ' (All includes it; list the options you need instead)' : ''}.`,
        fixes,
      });
    }
  },
};
