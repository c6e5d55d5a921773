/** The parser for each syntax, and which syntax each file kind is written in. */
import { ConfDocument, parseAsterisk } from './asterisk/parser';
import type { FileKind } from './kinds';
import type { Syntax } from './syntax';
import { hostSyntax } from './host';
import { freepbxSyntax } from './freepbx/syntax';

export const asteriskSyntax: Syntax<ConfDocument> = {
  name: 'asterisk',
  commentLeader: ';',
  parse: (text, { fragment }) => parseAsterisk(text, { fragment }),
  view: (doc) => ({
    lineStarts: doc.lines.map((l) => l.start),
    comments: doc.lines.flatMap((l) => l.comments.map((c) => ({ line: l.index, start: c.start, end: c.end }))),
    isBlankOrComment: (i) => doc.lines[i] !== undefined && (doc.lines[i].kind === 'blank' || doc.lines[i].kind === 'comment'),
  }),
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const SYNTAXES: Record<string, Syntax<any>> = {
  asterisk: asteriskSyntax,
  freepbx: freepbxSyntax,
};

/** Kinds written in a syntax other than Asterisk's. */
const KIND_SYNTAX: Partial<Record<FileKind, string>> = {
  freepbx: 'freepbx',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function syntaxFor(kind: FileKind): Syntax<any> {
  return hostSyntax(kind) ?? SYNTAXES[KIND_SYNTAX[kind] ?? 'asterisk'];
}
