/**
 * The built-in HTTP server's view of http.conf (main/http.c `__ast_http_load`): is it
 * enabled, where do the plain and TLS listeners bind, is anything public.
 */
import type { ConfDocument, Entry, Section } from '../../asterisk/parser';
import { effective, findSection } from '../../asterisk/parser';
import type { RuleContext } from '../../rule';
import { astTrue } from '../../asterisk/values';
import { hostOf, isLoopbackHost } from '../../acl';
import { compareVersion } from '../../settings';

export interface HttpServer {
  general?: Section;
  enabled?: Entry;
  bindaddr?: Entry;
  bindport?: Entry;
  /** `enabled` true and a non-empty `bindaddr` (without one the plain server does not start). */
  plainRunning: boolean;
  plainPublic: boolean;
  tlsenable?: Entry;
  tlsbindaddr?: Entry;
  tlsOn: boolean;
  /** TLS listens on `tlsbindaddr`, or on the plain address (port 8089) when that is unset. */
  tlsRunning: boolean;
  tlsPublic: boolean;
  /** The plain or the TLS listener accepts non-loopback clients. */
  public: boolean;
  /** Some listener runs (on any address). */
  serving: boolean;
}

/** The entries of `[general]` as this file sets them (in a fragment: also the lines before any header). */
export function generalEntries(doc: ConfDocument, fragment: boolean): Entry[] {
  const general = findSection(doc, 'general');
  if (general) return effective(general);
  return fragment ? doc.preamble : [];
}

/** The last entry among several alias keys (`tlsenable`/`sslenable`): http.c reads them in file order. */
export function lastOf(entries: readonly Entry[], keys: readonly string[]): Entry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (keys.includes(entries[i].lkey)) return entries[i];
  return undefined;
}

export function isPublicAddress(value: string): boolean {
  const host = hostOf(value);
  return host !== '' && !isLoopbackHost(host);
}

export function httpServer(ctx: RuleContext): HttpServer {
  const entries = generalEntries(ctx.doc, ctx.fragment);
  const enabled = lastOf(entries, ['enabled']);
  const bindaddr = lastOf(entries, ['bindaddr']);
  const bindport = lastOf(entries, ['bindport']);
  const tlsenable = lastOf(entries, ['tlsenable', 'sslenable']);
  const tlsbindaddr = lastOf(entries, ['tlsbindaddr', 'sslbindaddr']);
  const plainRunning = !!enabled && astTrue(enabled.value) && !!bindaddr && bindaddr.value.trim() !== '';
  const plainPublic = plainRunning && isPublicAddress(bindaddr!.value);
  const tlsOn = !!tlsenable && astTrue(tlsenable.value);
  const tlsAddr = tlsbindaddr && tlsbindaddr.value.trim() !== '' ? tlsbindaddr.value : plainRunning ? bindaddr!.value : undefined;
  const tlsRunning = tlsOn && tlsAddr !== undefined;
  const tlsPublic = tlsRunning && isPublicAddress(tlsAddr!);
  return {
    general: findSection(ctx.doc, 'general'),
    enabled,
    bindaddr,
    bindport,
    plainRunning,
    plainPublic,
    tlsenable,
    tlsbindaddr,
    tlsOn,
    tlsRunning,
    tlsPublic,
    public: plainPublic || tlsPublic,
    serving: plainRunning || tlsRunning,
  };
}

/** "0.0.0.0:8088" for messages: the bind address with the effective port. */
export function plainEndpoint(s: HttpServer): string {
  const v = s.bindaddr!.value.trim();
  const hasPort = /^\[.*\]:\d+$/.test(v) || (v.split(':').length === 2 && /:\d+$/.test(v));
  if (hasPort) return v;
  const port = s.bindport?.value.trim() || '8088';
  return v.includes(':') ? `[${v.replace(/^\[|\]$/g, '')}]:${port}` : `${v}:${port}`;
}

/**
 * What `/httpstatus` does when `enable_status` is absent, by version (main/http.c):
 * - `always`: the option does not exist (before 13.31, 16.8, 17.2; all of 14 and 15), the page is always served;
 * - `yes`: the option exists and defaults to yes ("for BC"), until GHSA-v6hp-wh3r-cwxh
 *   (20.18.2, 21.12.1, 22.8.2, 23.2.2) made it default to no. Versions are compared on
 *   major.minor, so 20.18, 21.12, 22.8 and 23.2 count as `yes`;
 * - `no`: later releases.
 */
export function statusDefault(ctx: RuleContext): 'always' | 'yes' | 'no' {
  const v = (major: number, minor = 0) => compareVersion(ctx.settings, major, minor);
  if (v(13, 31) < 0) return 'always';
  if (v(14) >= 0 && v(16, 8) < 0) return 'always';
  if (v(17) >= 0 && v(17, 2) < 0) return 'always';
  if (v(20) < 0) return 'yes';
  if (v(21) < 0) return v(20, 19) < 0 ? 'yes' : 'no';
  if (v(22) < 0) return v(21, 13) < 0 ? 'yes' : 'no';
  if (v(23) < 0) return v(22, 9) < 0 ? 'yes' : 'no';
  if (v(24) < 0) return v(23, 3) < 0 ? 'yes' : 'no';
  return 'no';
}
