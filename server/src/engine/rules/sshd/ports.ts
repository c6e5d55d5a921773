/** The ports sshd listens on, as this file sets them (Port lines and `ListenAddress host:port`). */
import type { SshdArg, SshdDocument } from '../../host/sshd/parser';

export interface PortSetting {
  port: number;
  /** The span of the port number itself. */
  span: SshdArg;
  from: 'port' | 'listenaddress';
}

export function listenPorts(doc: SshdDocument): PortSetting[] {
  const out: PortSetting[] = [];
  for (const d of doc.global) {
    if (d.key === 'port' && d.args.length === 1 && /^\d+$/.test(d.args[0].text)) {
      out.push({ port: Number(d.args[0].text), span: d.args[0], from: 'port' });
    } else if (d.key === 'listenaddress' && d.args.length) {
      const a = d.args[0];
      const m = /^(?:\[[^\]]*\]|[^:\[\]]+):(\d+)$/.exec(a.text);
      if (m && a.text === a.text.trim() && a.end - a.start === a.text.length) {
        const off = a.text.length - m[1].length;
        out.push({ port: Number(m[1]), span: { start: a.start + off, end: a.end, text: m[1] }, from: 'listenaddress' });
      }
    }
  }
  return out;
}

/** Does any ListenAddress carry its own port (then the Port default does not apply to it)? */
export function hasListenPorts(doc: SshdDocument): boolean {
  return listenPorts(doc).some((p) => p.from === 'listenaddress');
}
