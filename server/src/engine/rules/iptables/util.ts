/** Shared pieces of the iptables rules: the lines the fixes insert, and port lists. */
import type { IptDocument, IptRule, IptTable } from '../../host/iptables/parser';
import type { Span, TextEdit } from '../../text';
import { chainRules, inputAnchor, inputState, insertAfterLine, insertFirstInput, isLoopbackAccept, probe } from '../../host/iptables/model';

export const LOOPBACK_RULE = '-A INPUT -i lo -j ACCEPT';
export const ESTABLISHED_RULE = '-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT';

/** Inserts the loopback and/or established rules at the top of INPUT (loopback first). */
export function loopbackEdits(doc: IptDocument, table: IptTable, lo?: string, est?: string): TextEdit[] {
  const lines = [lo, est].filter((x): x is string => !!x);
  if (!lines.length) return [];
  if (!lo) {
    const loRule = chainRules(table, 'INPUT').find(isLoopbackAccept);
    if (loRule) return [insertAfterLine(doc, loRule.line, lines.join(eol(doc)))];
  }
  return [insertFirstInput(doc, table, lines.join(eol(doc)))];
}

function eol(doc: IptDocument): string {
  const l = doc.lines.find((x) => x.eolEnd > x.end);
  return l ? doc.text.slice(l.end, l.eolEnd) : '\n';
}

export interface Service {
  port: number;
  proto: 'tcp' | 'udp';
  name: string;
  high: boolean;
}

export const SIP_SERVICES: readonly Service[] = [
  { port: 5060, proto: 'udp', name: 'SIP', high: false },
  { port: 5060, proto: 'tcp', name: 'SIP', high: false },
  { port: 5061, proto: 'tcp', name: 'SIP-TLS', high: false },
  { port: 5061, proto: 'udp', name: 'SIP', high: false },
];

/** host-rules.md §F: high for MySQL, AMI, TFTP, FTP; medium for the rest. */
export const SENSITIVE_SERVICES: readonly Service[] = [
  { port: 3306, proto: 'tcp', name: 'MySQL', high: true },
  { port: 5038, proto: 'tcp', name: 'AMI', high: true },
  { port: 69, proto: 'udp', name: 'TFTP', high: true },
  { port: 21, proto: 'tcp', name: 'FTP', high: true },
  { port: 22, proto: 'tcp', name: 'SSH', high: false },
  { port: 8088, proto: 'tcp', name: 'Asterisk HTTP/ARI', high: false },
  { port: 8089, proto: 'tcp', name: 'Asterisk HTTPS/ARI', high: false },
  { port: 4569, proto: 'udp', name: 'IAX2', high: false },
  { port: 80, proto: 'tcp', name: 'FreePBX GUI (HTTP)', high: false },
  { port: 443, proto: 'tcp', name: 'FreePBX GUI (HTTPS)', high: false },
];

export function serviceList(s: readonly Service[]): string {
  return s.map((x) => `${x.port}/${x.proto} (${x.name})`).join(', ');
}


export interface OpenGroup {
  /** The ACCEPT rule, or undefined when nothing drops the traffic and the policy accepts it. */
  via?: IptRule;
  services: Service[];
  span: Span;
}

/** Which of the services the world can reach, grouped by the rule (or policy) that lets it in. */
export function openServices(doc: IptDocument, services: readonly Service[]): OpenGroup[] {
  const st = inputState(doc);
  const groups: OpenGroup[] = [];
  for (const s of services) {
    const v = probe(doc, s.proto, s.port);
    if (!v.open) continue;
    let g = groups.find((x) => x.via === v.via);
    if (!g) {
      const span = v.via ? (v.via.dports?.words[0] ?? v.via.anyPorts?.words[0] ?? v.via.target ?? v.via.words[0]) : inputAnchor(doc, st);
      g = { via: v.via, services: [], span: { start: span.start, end: span.end } };
      groups.push(g);
    }
    g.services.push(s);
  }
  return groups;
}
