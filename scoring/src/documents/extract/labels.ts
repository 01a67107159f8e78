import { fold } from '../text/turkish.js';
import type { TextLine } from '../text/lines.js';

export interface Labelled {
  /** What follows the label in the same cell, separators (`:`, `/`) trimmed. */
  readonly value: string;
  /** The label ended its cell and the value was taken from the next cell. */
  readonly fromNextCell: boolean;
  readonly line: TextLine;
  readonly lineIndex: number;
  readonly cellIndex: number;
}

/** Cuts the original text after a label found in its folded form (folding keeps lengths for Turkish text). */
function after(cell: string, label: RegExp): string | null {
  const folded = fold(cell);
  const m = label.exec(folded);
  if (!m) return null;
  const rest = folded.length === cell.length ? cell.slice(m.index + m[0].length) : cell.split(/:(.*)/s)[1] ?? '';
  return rest.replace(/^[\s:/.)-]+/, '').trim();
}

/**
 * Every cell carrying the label (a regex over folded, lower-case ASCII text), in reading order. When the label
 * ends its cell, the value is the next cell of the line (forms print labels and values in two columns).
 */
export function findLabelled(lines: readonly TextLine[], label: RegExp): Labelled[] {
  const out: Labelled[] = [];
  lines.forEach((line, lineIndex) => {
    line.cells.forEach((cell, cellIndex) => {
      const value = after(cell, label);
      if (value === null) return;
      const next = line.cells[cellIndex + 1];
      const bare = value === '' || /^[^:]{0,30}:$/.test(value);
      out.push({ value: bare ? next ?? '' : value, fromNextCell: bare, line, lineIndex, cellIndex });
    });
  });
  return out;
}

/** The confidence of the words of a line that make up `text` (their mean), or the line's. */
export function confidenceOf(line: TextLine, text: string): number {
  const parts = new Set(text.split(/\s+/));
  const ws = line.words.filter((w) => parts.has(w.text) || [...parts].some((p) => w.text.includes(p) || p.includes(w.text)));
  return ws.length ? ws.reduce((a, w) => a + w.confidence, 0) / ws.length : line.confidence;
}
