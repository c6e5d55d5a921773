import type { Fix, Rule, RuleContext, Severity } from '../../rule';
import type { Entry, Section } from '../../asterisk/parser';
import { effective, liveSections } from '../../asterisk/parser';
import { formatSetting, insertLinesAfter, replaceValue } from '../../asterisk/edits';
import { firstType, isWizardSection, pjsipModel, PjsipModel, PJSIP_TYPES, SINGLE_OBJECT_TYPES } from '../../asterisk/pjsip';
import { groupByEntry, headerSpan, nameOf, valueSpan } from './util';
import type { TextEdit } from '../../text';

function a(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

const AUTH_KEYS = ['password', 'username', 'md5_cred', 'password_digest', 'auth_type', 'realm'];
const ACL_KEYS = ['permit', 'deny', 'acl', 'contact_permit', 'contact_deny', 'contact_acl'];

/** What a section without a usable type= looks like from its keys. */
function lookalike(section: Section): 'auth' | 'acl' | undefined {
  const keys = new Set(effective(section).map((e) => e.lkey));
  if (keys.has('password') || keys.has('md5_cred') || keys.has('password_digest')) return 'auth';
  const only = [...keys].filter((k) => k !== 'type');
  if (only.length && only.every((k) => ACL_KEYS.includes(k))) return 'acl';
  if (only.length && only.every((k) => AUTH_KEYS.includes(k))) return 'auth';
  return undefined;
}

function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

function suggestion(value: string): string | undefined {
  const v = value.toLowerCase().replace(/[\s_-]+/g, '');
  let best: string | undefined;
  let bestD = 3;
  for (const t of PJSIP_TYPES) {
    const d = distance(v, t.replace(/[_-]/g, ''));
    if (d < bestD) {
      best = t;
      bestD = d;
    }
  }
  return best;
}

const SECURITY_TYPES = ['auth', 'acl'];

function severityFor(type: string | undefined, section: Section): Severity {
  return (type && SECURITY_TYPES.includes(type)) || lookalike(section) ? 'error' : 'warning';
}

/** Would giving these sections this type create a duplicate (which rejects every object of the type)? */
function collides(model: PjsipModel, sections: Section[], type: string): boolean {
  if (sections.some((s) => model.find(type, s.name))) return true;
  return SINGLE_OBJECT_TYPES.includes(type) && (model.byType(type).length > 0 || sections.length > 1);
}

function usedAsBase(ctx: RuleContext, section: Section): boolean {
  return ctx.doc.sections.some((s) => s.bases.includes(section));
}

export const rule: Rule = {
  id: 'pjsip-type-invalid',
  title: 'PJSIP section with a missing or unknown type (silently ignored)',
  severity: 'warning',
  fileKinds: ['pjsip'],
  fix: 'safe',
  description:
    "res_sorcery_config matches sections by the exact, case-sensitive value of their first type= line. A section with type=Endpoint, type=ACL, a misspelt type or no type at all is not an object: Asterisk ignores it without a word, so an ACL or auth you wrote does not exist.",
  check(ctx) {
    const model = pjsipModel(ctx.doc, ctx.path, ctx.settings);
    if (model.wizardFile) return checkWizardFile(ctx);
    const bad: { entry: Entry; section: Section }[] = [];
    for (const section of liveSections(ctx.doc)) {
      const t = firstType(section);
      if (!t) {
        if (ctx.fragment || usedAsBase(ctx, section)) continue; // the including file may give it a type / it only serves as a base
        if (model.explicitNames && SINGLE_OBJECT_TYPES.includes(section.name)) continue; // matched by its name
        const like = lookalike(section);
        const fixes: Fix[] = [];
        const named = SINGLE_OBJECT_TYPES.includes(section.name) ? section.name : undefined;
        if (named && !collides(model, [section], named)) {
          fixes.push({
            title: `Add type=${named} (its settings then apply)`,
            safety: 'offer',
            edits: [insertLinesAfter(ctx.doc, section.header, [formatSetting(ctx.doc, section, 'type', named)])],
          });
        }
        ctx.report({
          span: headerSpan(section),
          severity: named ? 'warning' : severityFor(undefined, section),
          message: named
            ? `Section '${section.name}' has no type=${named}: before Asterisk 13.23/15.6/16 res_pjsip ignores it, so none of its settings apply.`
            : `Section '${section.name}' has no type= line: res_pjsip ignores it without a warning${like ? `, so this ${like === 'auth' ? 'auth (password) section' : 'ACL'} does not exist` : ''}.`,
          fixes,
        });
        continue;
      }
      if (!PJSIP_TYPES.includes(t.value)) bad.push({ entry: t, section });
      // A later type= with another value is ignored: the first one decides.
      const later = effective(section).filter((e) => e.lkey === 'type' && e !== t && e.value !== t.value);
      for (const e of later) {
        if (e.writtenIn !== section && !(e.writtenIn?.append && e.writtenIn.appendTarget === section)) continue;
        ctx.report({
          span: valueSpan(e),
          message: `This type=${e.value} is ignored: the first type= of '${section.name}' decides (type=${t.value}${t.writtenIn && t.writtenIn !== section ? `, from template '${t.writtenIn.name}'` : ''}), so '${section.name}' is ${PJSIP_TYPES.includes(t.value) ? a(t.value) : 'not an object'}, not ${a(e.value)}.`,
        });
      }
    }
    for (const [entry, group] of groupByEntry(bad)) {
      const sections = group.map((g) => g.section);
      const names = nameOf(sections.map((s) => `'${s.name}'`));
      const value = entry.value;
      const lower = value.toLowerCase();
      const where = entry.writtenIn && !sections.includes(entry.writtenIn) ? ` (set in template '${entry.writtenIn.name}')` : '';
      if (PJSIP_TYPES.includes(lower)) {
        const clash = collides(model, sections, lower);
        ctx.report({
          span: valueSpan(entry),
          severity: severityFor(lower, sections[0]),
          message: `type=${value} is not type=${lower}: sorcery compares the type case-sensitively, so ${names} ${sections.length > 1 ? 'are not objects' : 'is not an object'} and res_pjsip ignores ${sections.length > 1 ? 'them' : 'it'} without a warning${where}.${clash ? ` Lower-casing it would clash with an existing ${lower} of the same name: merge them first.` : ''}`,
          fixes: clash ? [] : [{ title: `Write type=${lower}`, safety: 'safe', edits: [replaceValue(entry, lower)] }],
        });
        continue;
      }
      const guess = value === 'wizard' ? undefined : suggestion(value);
      ctx.report({
        span: valueSpan(entry),
        severity: severityFor(guess, sections[0]),
        message:
          value === 'wizard'
            ? `type=wizard sections are read from pjsip_wizard.conf only: res_pjsip ignores ${names} here.`
            : `type=${value} is not a res_pjsip type${guess ? ` (did you mean ${guess}?)` : ''}: ${names} ${sections.length > 1 ? 'are' : 'is'} ignored without a warning${where}.`,
      });
    }
  },
};

/** pjsip_wizard.conf: only sections with type=wizard (exactly) are read. */
function checkWizardFile(ctx: RuleContext): void {
  for (const section of liveSections(ctx.doc)) {
    if (isWizardSection(section)) continue;
    const types = effective(section).filter((e) => e.lkey === 'type');
    const near = types.find((e) => e.value.toLowerCase() === 'wizard');
    if (near) {
      const edits: TextEdit[] = [];
      const key = near.line.assign!.key;
      if (!near.key.includes('type')) edits.push({ start: key.start, end: key.end, newText: 'type' });
      if (near.value !== 'wizard') edits.push(replaceValue(near, 'wizard'));
      ctx.report({
        span: near.key.includes('type') ? valueSpan(near) : key,
        message: `'${section.name}' is not read by the config wizard: it only takes sections with type=wizard written in lower case (key and value), so this wizard creates nothing.`,
        fixes: [{ title: 'Write type=wizard', safety: 'safe', edits }],
      });
      continue;
    }
    if (types.length) {
      ctx.report({
        span: valueSpan(types[0]),
        message: `pjsip_wizard.conf only reads type=wizard sections: this type=${types[0].value} section '${section.name}' is ignored. Put ${PJSIP_TYPES.includes(types[0].value) ? `${types[0].value} objects` : 'it'} in pjsip.conf.`,
      });
      continue;
    }
    if (ctx.fragment || usedAsBase(ctx, section)) continue;
    ctx.report({ span: headerSpan(section), message: `Section '${section.name}' has no type=wizard: the config wizard ignores it without a warning.` });
  }
}
