/**
 * Offsets, spans and line/column conversion shared by every parser.
 *
 * All engine positions are UTF-16 offsets into the document string (what JavaScript
 * strings and the Language Server Protocol both use). Line breaks for positions follow the
 * LSP definition (`\n`, `\r\n` and a lone `\r`), independently of how a given parser splits
 * its own logical lines.
 */

export interface Span {
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/** A token: a span of the source plus its logical text (after unescaping). */
export interface Tok extends Span {
  text: string;
}

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

/** Maps offsets to LSP positions and back; built once per text, O(log n) per lookup. */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const lineStart = this.starts[pos.line];
    const next = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.text.length;
    return Math.max(lineStart, Math.min(lineStart + pos.character, next));
  }
}

/** A minimal text edit in offsets. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Applies non-overlapping edits (in any order) to a text. Edits that touch the same
 * insertion point keep their given order. Throws on overlap: a fix that overlaps itself
 * is a bug in the rule, never something to paper over.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const { e } of sorted) {
    if (e.start < pos) throw new Error(`overlapping edits at offset ${e.start}`);
    if (e.end < e.start || e.end > text.length) throw new Error(`edit out of range: ${e.start}-${e.end}`);
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** True when the two spans share at least one character, or are both at the same point. */
export function overlaps(a: Span, b: Span): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * The physical line starting at `pos` (split on `\n`, as every daemon here reads with fgets
 * or a line iterator). `crEndsLine`: a CR before the `\n` belongs to the terminator (sshd,
 * PAM, fail2ban, iptables, xinetd); otherwise it stays in the line's content, where the
 * daemon sees it too (mysqld, Apache, vsftpd).
 */
export function physicalLine(text: string, pos: number, crEndsLine: boolean): { end: number; eolEnd: number; cr: boolean } {
  const nl = text.indexOf('\n', pos);
  if (nl < 0) return { end: text.length, eolEnd: text.length, cr: false };
  const cr = crEndsLine && nl > pos && text.charCodeAt(nl - 1) === 13;
  return { end: cr ? nl - 1 : nl, eolEnd: nl + 1, cr };
}
