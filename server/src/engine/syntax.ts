/**
 * What the engine needs from any parser, whatever the file's syntax (Asterisk config today;
 * FreePBX amportal.conf, my.cnf, Apache, PAM, … as they arrive): parse losslessly, never
 * throw, and expose its comments and line structure for inline suppressions.
 */
export interface CommentSpan {
  /** 0-based physical line. */
  line: number;
  start: number;
  end: number;
}

export interface SyntaxView {
  /** Offsets of the start of every physical line (split on `\n`). */
  lineStarts: number[];
  comments: CommentSpan[];
  /** True for a line holding only whitespace or comments (next-line suppressions skip it). */
  isBlankOrComment(line: number): boolean;
}

export interface Syntax<D> {
  name: string;
  /** The comment leader that suppressions are written with (`;` or `#`). */
  commentLeader: string;
  parse(text: string, options: { fragment: boolean }): D;
  view(doc: D): SyntaxView;
}

/** The 0-based line of an offset, by binary search over line starts. */
export function lineAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
