import type { Rule } from '../../rule';
import { generalEntries, lastOf } from '../http/util';
import { ariEnabled } from './util';

export const rule: Rule = {
  id: 'ari-allowed-origins-wildcard',
  title: 'ARI accepts cross-origin requests from any web site',
  severity: 'warning',
  fileKinds: ['ari'],
  description:
    'With allowed_origins=*, ARI answers every Origin with Access-Control-Allow-Origin set to it and Access-Control-Allow-Credentials: true, so any web page an operator visits can drive ARI with the credentials the browser holds and read the answers.',
  check(ctx) {
    if (!ariEnabled(ctx)) return;
    const e = lastOf(generalEntries(ctx.doc, ctx.fragment), ['allowed_origins']);
    // res_ari.c splits on ',' without trimming: only an item that is exactly '*' matches everything.
    if (!e || !e.value.split(',').includes('*')) return;
    ctx.report({
      span: e.line.assign!.value,
      message:
        "allowed_origins contains '*': ARI reflects any Origin with Access-Control-Allow-Credentials: true, so any web site an operator opens can send ARI requests with the browser's saved credentials and read the replies. List the exact origins of your ARI web applications instead.",
    });
  },
};
