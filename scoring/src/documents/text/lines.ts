import type { DocumentPage, OcrWord } from '@tareks/schemas';

export interface TextLine {
  readonly text: string;
  readonly words: readonly OcrWord[];
  /** The line cut at wide gaps: a label and its value stay together, side-by-side blocks come apart. */
  readonly cells: readonly string[];
  readonly confidence: number;
  readonly page: number;
  /** Vertical centre, pixels: lines of one page sort top to bottom by it. */
  readonly y: number;
}

/** A gap wider than this many word heights separates two cells (columns, side-by-side blocks). */
const CELL_GAP = 2.2;

function cells(ws: readonly OcrWord[]): string[] {
  const out: string[][] = [[]];
  ws.forEach((w, i) => {
    const prev = ws[i - 1];
    if (prev && w.box.x0 - prev.box.x1 > CELL_GAP * Math.min(height(prev), height(w))) out.push([]);
    out[out.length - 1]!.push(w.text);
  });
  return out.map((c) => c.join(' '));
}

const centre = (w: OcrWord): number => (w.box.y0 + w.box.y1) / 2;
const height = (w: OcrWord): number => Math.max(1, w.box.y1 - w.box.y0);

/**
 * Visual lines from word boxes: words are taken left to right and chained to the line whose last word sits at
 * the same height, so a table row stays one line even when the reader split it into blocks or the page is
 * slightly skewed.
 */
export function groupLines(page: DocumentPage): TextLine[] {
  const words = [...page.words].sort((a, b) => a.box.x0 - b.box.x0);
  const open: OcrWord[][] = [];
  for (const w of words) {
    let best: OcrWord[] | undefined;
    let bestDy = Infinity;
    for (const line of open) {
      const last = line[line.length - 1]!;
      const dy = Math.abs(centre(last) - centre(w));
      if (dy < 0.55 * Math.min(height(last), height(w)) + 2 && dy < bestDy && last.box.x1 <= w.box.x0 + height(w)) {
        best = line;
        bestDy = dy;
      }
    }
    if (best) best.push(w);
    else open.push([w]);
  }
  return open
    .map((ws) => ({
      text: ws.map((w) => w.text).join(' '),
      words: ws,
      cells: cells(ws),
      confidence: ws.reduce((a, w) => a + w.confidence, 0) / ws.length,
      page: page.pageNo,
      y: ws.reduce((a, w) => a + centre(w), 0) / ws.length,
    }))
    .sort((a, b) => a.y - b.y);
}

export const documentLines = (pages: readonly DocumentPage[]): TextLine[] => pages.flatMap(groupLines);
