import type { Rule, Severity } from '../../rule';
import type { Entry } from '../../asterisk/parser';
import { replaceValue } from '../../asterisk/edits';
import { aclItems, evaluateAcl, parseAcl, parseAclItem, PROBE_V4, PROBE_V6 } from '../../acl';
import { AclList, ByLine, aclLists, listEntries, whoText } from './util';

/** The value with the blanks around its commas removed. */
export function squeezeCommas(value: string): string {
  return value.replace(/[\x01-\x20]*,[\x01-\x20]*/g, ',');
}

function effect(list: AclList, names: string[], kind: string): { text: string; severity?: Severity } {
  const who = names.length > 1 ? 'these sections' : list.label;
  switch (list.onError) {
    case 'delete':
      return kind === 'manager'
        ? { text: `Asterisk logs "Invalid ACL ... Deleting user" and deletes ${who}: nobody can log in as it` }
        : { text: `chan_sip logs "Bad ACL entry ... Deleting peer" and deletes ${who}: the device can no longer register or call` };
    case 'fail-load':
      return { text: 'chan_sip logs "Bad ACL entry ... Failing to load chan_sip.so" and does not load: no SIP service at all', severity: 'error' };
    case 'partial':
      return { text: 'chan_iax2 ignores the error: that item and the rest of the line are silently skipped' };
    case 'drop-open':
      return {
        text: `res_pjsip rejects the whole object at start-up ("Could not create an object of type 'acl'"), so none of its rules apply and every address passes it (a reload keeps the previous version)`,
        severity: 'error',
      };
    case 'drop-closed':
      return { text: `Asterisk rejects ${who} ("Bad ACL ..."): it stops working` };
  }
}

export const rule: Rule = {
  id: 'acl-list-whitespace',
  title: 'Space after a comma breaks an ACL line',
  severity: 'warning',
  fileKinds: ['sip', 'iax', 'pjsip', 'ari', 'manager'],
  fix: 'safe',
  description:
    'Asterisk splits permit=/deny= lists on "," without trimming, so in "192.0.2.1, 192.0.2.2" the second item starts with a space and does not parse. Depending on the module the user or peer is deleted, the ACL silently loses its later rules, or (pjsip type=acl) the whole ACL vanishes at start-up.',
  check(ctx) {
    const groups = new ByLine<{ list: AclList; bad: string; opens: boolean }>();
    for (const list of aclLists(ctx)) {
      const entries = listEntries(list);
      const named = list.keys.named?.toLowerCase();
      let opensChecked: boolean | undefined;
      for (const entry of entries) {
        if (entry.lkey === named) continue; // named-ACL lists are left-trimmed by Asterisk
        const sense = entry.lkey === list.keys.permit.toLowerCase() ? 'permit' : 'deny';
        const bad = aclItems(entry).find(({ item }) => 'error' in parseAclItem(item, sense) && !('error' in parseAclItem(item.trim(), sense)));
        if (!bad) continue;
        if (opensChecked === undefined) opensChecked = opensWhenBroken(list, entries);
        groups.add(entry, list.keys.permit, list.section.name, { list, bad: bad.item, opens: opensChecked });
      }
    }
    for (const { entry, data, names } of groups.groups()) {
      const { list } = data;
      const who = whoText(list, names, entry);
      const e = effect(list, names, ctx.kind);
      const severity: Severity | undefined = e.severity ?? (data.opens ? 'error' : undefined);
      const opens = list.onError === 'partial' && data.opens ? '; here that lets in addresses the line was meant to deny' : '';
      const fixable = !entry.line.codeMap && entry.op !== '+=' && entry.line.assign!.value.text === entry.value;
      ctx.report({
        span: entry.line.assign!.value,
        severity,
        message: `${who}: the item '${data.bad}' starts or ends with a blank, which Asterisk does not trim, so it is not an address. ${e.text}${opens}.`,
        fixes: fixable
          ? [{ title: 'Remove the blanks around the commas', safety: 'safe', edits: [replaceValue(entry, squeezeCommas(entry.value))] }]
          : [],
      });
    }
  },
};

/** chan_iax2 keeps the partial list: does it admit a public address that the repaired list denies? */
function opensWhenBroken(list: AclList, entries: Entry[]): boolean {
  if (list.onError !== 'partial') return false;
  const broken = parseAcl(entries, list.keys);
  if (broken.named.length) return false;
  const repaired = parseAcl(
    entries.map((e) => ({ ...e, value: squeezeCommas(e.value) })),
    list.keys,
  );
  for (const probe of list.ipv6 === false ? [PROBE_V4] : [PROBE_V4, PROBE_V6]) {
    if (evaluateAcl(broken.rules, probe) === 'permit' && evaluateAcl(repaired.rules, probe) === 'deny') return true;
  }
  return false;
}
