import type { Rule } from '../../rule';
import type { ApacheDocument } from '../../host/apache/parser';
import { shown } from '../../host/apache/model';
import { exposed, openAdminPaths, requireLocalBlock } from './admin-paths';
import { bodyIndent, fix, indentOf, insertLinesAfter, insertLinesBefore, lowered } from './util';

export const rule: Rule<ApacheDocument> = {
  id: 'apache-freepbx-admin-exposed',
  title: 'FreePBX document root without any restriction on /admin',
  severity: 'error',
  fileKinds: ['apache'],
  fix: 'offer',
  description:
    "A FreePBX web root served on all interfaces with nothing that restricts /admin: the administration panel (pre-authentication RCEs such as CVE-2025-57819, exploited on Internet-facing panels) answers anyone who reaches the server. Do not set AllowOverride None there: FreePBX relies on its .htaccess files.",
  check(ctx) {
    const doc = ctx.doc;
    const { implicit } = openAdminPaths(doc);
    const byRoot = new Map<number, typeof implicit>();
    for (const f of implicit) {
      if (f.verdict.grant || !f.verdict.assumed || !exposed(doc, f.item.vhost)) continue;
      const k = f.item.anchor.start;
      byRoot.set(k, [...(byRoot.get(k) ?? []), f]);
    }
    for (const list of byRoot.values()) {
      const root = list[0].item.anchor;
      const urls = list.map((f) => f.item.url!);
      const vh = list[0].item.vhost;
      const insertBlocks = (us: string[]) =>
        vh?.close
          ? insertLinesBefore(doc, vh.close, us.flatMap((u) => requireLocalBlock(doc, u, bodyIndent(doc, vh))))
          : insertLinesAfter(doc, root, us.flatMap((u) => requireLocalBlock(doc, u, indentOf(doc, root))));
      ctx.report({
        span: root.args[0],
        severity: lowered('error', root),
        message: `This FreePBX document root (${shown(root.args[0].text)}) serves ${urls.join(' and ')} to everyone: nothing in this file restricts ${urls.length > 1 ? 'them' : 'it'}, and a stock Debian/RHEL main configuration grants ${list[0].verdict.assumed} to all (assumed: pbxlint checks one file at a time). Add a <Location /admin> block with Require ip <your LAN>; keep AllowOverride as it is, FreePBX relies on its .htaccess files.`,
        fixes: [fix(`Add ${urls.map((u) => `<Location ${u}>`).join(' and ')} with Require local (add Require ip <your LAN> for remote admins)`, [insertBlocks(urls)], 'offer')],
      });
    }
  },
};
