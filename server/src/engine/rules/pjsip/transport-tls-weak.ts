import type { Fix, Rule } from '../../rule';
import { deleteLine, replaceValue } from '../../asterisk/edits';
import { astTrue } from '../../asterisk/values';
import { endpointAuths, last, partial, pjsipModel, PjsipObject } from '../../asterisk/pjsip';
import { fromTemplate, headerSpan, nameOf, ownLine, setOnObject, valueSpan } from './util';

const WEAK_METHODS: Record<string, string> = {
  sslv2: 'SSLv2',
  sslv3: 'SSLv3',
  tlsv1: 'TLS 1.0',
  tlsv1_1: 'TLS 1.1',
};

/** OpenSSL cipher names that give no server authentication, no encryption, or broken encryption. */
function weakCipher(name: string): string | undefined {
  const n = name.trim().toUpperCase();
  if (!n) return undefined;
  if (/^(ADH|AECDH)-|(^|[-:])(ANULL|AECDH|ADH)($|[-:])/.test(n) || n === 'ANULL') return 'anonymous key exchange (no server authentication: anyone in the path can impersonate either side)';
  if (/(^|-)NULL($|-)|^ENULL$|^NULL$/.test(n)) return 'no encryption';
  if (/^EXP(ORT)?\b|^EXP-|EXPORT/.test(n)) return 'export-grade encryption';
  if (/(^|-)RC4($|-)|^RC4$/.test(n)) return 'RC4, which is broken';
  if (/(^|-)DES-CBC-|^DES$|(^|-)DES($|-)/.test(n) && !/3DES|DES-CBC3/.test(n)) return 'single DES, which is broken';
  return undefined;
}

export const rule: Rule = {
  id: 'pjsip-transport-tls-weak',
  title: 'Weak TLS settings on a SIP transport',
  severity: 'warning',
  fileKinds: ['pjsip'],
  fix: 'offer',
  description:
    'A TLS transport pinned to SSLv3, TLS 1.0 or 1.1, offering anonymous or broken ciphers, or calling out to providers without verify_server, can be downgraded or intercepted: whoever sits in the path reads the SIP digest exchanges and SDES media keys, or impersonates your provider.',
  check(ctx) {
    const model = pjsipModel(ctx.doc, ctx.path, ctx.settings);
    if (model.wizardFile) return;
    // Transports used to call out: registrations, outbound publishes, endpoints that log in to the far end.
    const outboundUsers = new Map<string, string[]>();
    const use = (transport: string | undefined, who: string) => {
      const t = transport?.trim();
      if (t) outboundUsers.set(t, [...(outboundUsers.get(t) ?? []), who]);
    };
    for (const o of model.objects) {
      if (o.type === 'registration' || o.type === 'outbound-publish') use(last(o.section, 'transport')?.value, `${o.type} '${o.id}'`);
      if (o.type === 'endpoint' && endpointAuths(o.section).outbound.names.length) use(last(o.section, 'transport')?.value, `endpoint '${o.id}'`);
    }
    for (const t of model.byType('transport')) {
      const protocol = (last(t.section, 'protocol')?.value || 'udp').toLowerCase();
      if (protocol !== 'tls') continue; // wss takes its TLS settings from http.conf
      checkMethod(t);
      checkCipher(t);
      checkVerify(t, outboundUsers.get(t.id));
    }

    function checkMethod(t: PjsipObject): void {
      const m = last(t.section, 'method');
      const weak = m && WEAK_METHODS[m.value.toLowerCase()];
      if (!m || !weak) return;
      ctx.report({
        span: valueSpan(m),
        message: `Transport '${t.id}' pins TLS to ${weak}${fromTemplate(m, t.section)}: deprecated protocol versions (RFC 8996) with known attacks, and modern phones and providers refuse them.`,
        fixes: [{ title: 'Set method=tlsv1_2 (needs a PJSIP build with TLS 1.2; check pjsip show transports after the reload)', safety: 'offer', edits: [replaceValue(m, 'tlsv1_2')] }],
      });
    }

    function checkCipher(t: PjsipObject): void {
      const c = last(t.section, 'cipher');
      if (!c) return;
      const reasons = [...new Set(c.value.split(',').map(weakCipher).filter((r): r is string => !!r))];
      if (!reasons.length) return;
      const fixes: Fix[] = ownLine(c, t.section)
        ? [{ title: "Remove this cipher= line (use the TLS library's default cipher list)", safety: 'offer', edits: [deleteLine(c.line)] }]
        : [];
      ctx.report({
        span: valueSpan(c),
        message: `Transport '${t.id}' offers ciphers with ${reasons.join('; ')}${fromTemplate(c, t.section)}.`,
        fixes,
      });
    }

    function checkVerify(t: PjsipObject, users: string[] | undefined): void {
      if (!users) return;
      const v = last(t.section, 'verify_server');
      if (v && astTrue(v.value)) return;
      if (!v && partial(t.section)) return;
      ctx.report({
        span: v ? valueSpan(v) : headerSpan(t.section),
        message: `Transport '${t.id}' is used to call out (${nameOf(users)}) but ${v ? 'verify_server is off' : 'verify_server is not set (default no)'}: the far end's certificate is not checked, so anyone in the path can pose as your provider and collect your credentials and calls.`,
        fixes: [
          {
            title: 'Set verify_server=yes (the provider certificate must then validate against ca_list_file/ca_list_path or the system CA store)',
            safety: 'offer',
            edits: [setOnObject(ctx.doc, t.section, v, 'verify_server', 'yes')],
          },
        ],
      });
    }
  },
};
