import type { Rule } from '../../rule';
import type { PamDocument } from '../../host/pam/parser';
import { argValue } from '../../host/pam/parser';
import { eolOf, isFaillock, pamView } from '../../host/pam/model';

const VOLATILE = /^\/(var\/)?run(\/|$)/;
const PERSISTENT = '/var/log/faillock';
const TITLE = `Keep failure records across reboots: dir = ${PERSISTENT} (pam_faillock creates it; on RHEL give it the faillog_t SELinux context)`;

export const rule: Rule<PamDocument> = {
  id: 'pam-faillock-volatile-dir',
  title: 'pam_faillock keeps its records on tmpfs: a reboot unlocks every account',
  severity: 'info',
  fileKinds: ['pam'],
  fix: 'offer',
  description:
    "pam_faillock's default record directory /var/run/faillock is on tmpfs: every reboot forgets all failures and unlocks every account, so an attacker who can make the machine restart (or just waits for maintenance) starts again from zero.",
  check(ctx) {
    const view = pamView(ctx);
    const { text } = ctx.doc;
    if (view.format === 'faillock') {
      const set = ctx.doc.faillock.entries.filter((e) => e.key.text === 'dir' && e.value?.text.startsWith('/'));
      const dir = set[set.length - 1];
      if (dir) {
        if (!VOLATILE.test(dir.value!.text)) return;
        ctx.report({
          span: { start: dir.key.start, end: dir.value!.end },
          message: `dir = ${dir.value!.text} is on tmpfs: a reboot erases every failure record and unlocks every account (DISA RHEL 8 STIG RHEL-08-020016 asks for a persistent directory).`,
          fixes: [{ title: TITLE, edits: [{ start: dir.value!.start, end: dir.value!.end, newText: PERSISTENT }], safety: 'offer' }],
        });
        return;
      }
      // Not set: the default /var/run/faillock applies. Report at the commented default, if any.
      const commented = ctx.doc.lines.find((l) => l.comment && /^#\s*dir\s*=/.test(text.slice(l.comment.start, l.comment.end)) && l.comment.start === l.start + (/^[ \t]*/.exec(text.slice(l.start, l.end))![0].length));
      let edit;
      if (commented) {
        const eol = eolOf(ctx.doc, commented.index);
        edit = commented.eolEnd > commented.end
          ? { start: commented.eolEnd, end: commented.eolEnd, newText: `dir = ${PERSISTENT}${eol}` }
          : { start: commented.eolEnd, end: commented.eolEnd, newText: `${eol}dir = ${PERSISTENT}` };
      } else {
        const eol = eolOf(ctx.doc, 0);
        const lead = text.length > 0 && !text.endsWith('\n') ? eol : '';
        edit = { start: text.length, end: text.length, newText: `${lead}dir = ${PERSISTENT}${eol}` };
      }
      ctx.report({
        span: commented ? commented.comment! : { start: 0, end: 0 },
        message: 'dir is not set, so pam_faillock keeps its records in /var/run/faillock, on tmpfs: a reboot erases every failure record and unlocks every account (DISA RHEL 8 STIG RHEL-08-020016 asks for a persistent directory).',
        fixes: [{ title: TITLE, edits: [edit], safety: 'offer' }],
      });
      return;
    }
    for (const r of view.rules) {
      if (!isFaillock(r)) continue;
      for (const a of r.args) {
        const v = argValue(a, 'dir');
        if (v === undefined || !VOLATILE.test(v)) continue;
        ctx.report({
          span: a,
          message: `dir=${v} is on tmpfs: a reboot erases every failure record and unlocks every account.`,
          fixes: [{ title: TITLE, edits: [{ start: a.start + 4, end: a.end, newText: PERSISTENT }], safety: 'offer' }],
        });
      }
    }
  },
};
