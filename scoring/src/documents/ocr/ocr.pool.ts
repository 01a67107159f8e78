import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createScheduler, createWorker, OEM, PSM, type Page, type Scheduler, type Worker } from 'tesseract.js';
import pino, { type Logger } from 'pino';
import { DOCUMENT_ERROR_CODES as E, type OcrWord } from '@tareks/schemas';
import { DocumentError } from '../document.error.js';
import { repairOcrText } from './ocr-text-repair.js';

const require = createRequire(import.meta.url);

export type OcrModel = 'best' | 'fast';

export interface OcrPoolOptions {
  /** Workers (one core each, ≈ 200 MB each). Default: the number of cores. */
  readonly size?: number;
  /**
   * `best` (`4.0.0_best_int`) or `fast` (`4.0.0`, the standard tessdata). Both hold the same integer LSTM model:
   * measured here they read the corpus alike and `fast` is no faster. Default `best`.
   */
  readonly model?: OcrModel;
  /** Tesseract language codes joined by `+`. Default `tur` (see NOTES: `tur+eng` loses Turkish letters). */
  readonly languages?: string;
  /**
   * Local folder holding `<lang>.traineddata[.gz]` for every language. Default: the npm package
   * `@tesseract.js-data/tur`. Debian's `/usr/share/tesseract-ocr/5/tessdata` works with `gzip: false`.
   */
  readonly langPath?: string;
  /** Whether the files under langPath are gzipped. Default true (the npm packages are). */
  readonly gzip?: boolean;
  /** A worker that has not loaded its language data by then is given up. Default 60 s (first load on a busy machine). */
  readonly startTimeoutMs?: number;
  /** One page that takes longer is failed with DOC_ERR_OCR_FAILED. Default 180 s. */
  readonly pageTimeoutMs?: number;
  readonly logger?: Logger;
  /**
   * Let tesseract.js straighten each page before reading it (one more layout pass, ≈ 25 % of a page). Tesseract
   * reads skewed lines almost as well without it, but on the corpus scans (±2°) invoice numbers, GTİP codes and item
   * rows came out wrong more often, with or without our own projection-profile deskew
   * (`npm run bench:ocr -- --no-rotate-auto`). Default true.
   */
  readonly rotateAuto?: boolean;
}

export interface OcrLine {
  readonly text: string;
  readonly confidence: number;
  readonly words: OcrWord[];
}

export interface OcrPageResult {
  readonly text: string;
  /** Mean word confidence, 0–1. */
  readonly confidence: number;
  readonly lines: OcrLine[];
}

export interface OcrPool {
  readonly size: number;
  /** OCR of one page image (PNG, JPEG or PGM bytes), PSM 3. */
  recognize(image: Buffer): Promise<OcrPageResult>;
  close(): Promise<void>;
}

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const defaultLangPath = (model: OcrModel): string =>
  join(dirname(require.resolve('@tesseract.js-data/tur/package.json')), model === 'best' ? '4.0.0_best_int' : '4.0.0');

function toResult(page: Page): OcrPageResult {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words = line.words
          .filter((w) => w.text.trim())
          .map((w) => ({ text: repairOcrText(w.text), confidence: w.confidence / 100, box: { x0: w.bbox.x0, y0: w.bbox.y0, x1: w.bbox.x1, y1: w.bbox.y1 } }));
        if (words.length) lines.push({ text: words.map((w) => w.text).join(' '), confidence: line.confidence / 100, words });
      }
    }
  }
  const all = lines.flatMap((l) => l.words);
  const confidence = all.length ? all.reduce((a, w) => a + w.confidence, 0) / all.length : 0;
  return { text: repairOcrText(page.text), confidence, lines };
}

/**
 * A pool of tesseract.js workers kept for the life of the process (starting one costs ≈ 0.3 s plus a slow first
 * page). Language data comes from local files only; `cacheMethod: 'none'` keeps tesseract.js from writing
 * traineddata into the working directory, and every worker has an errorHandler so one bad image cannot kill the process.
 */
export async function createOcrPool(o: OcrPoolOptions = {}): Promise<OcrPool> {
  const size = Math.max(1, o.size ?? availableParallelism());
  const model = o.model ?? 'best';
  const log = o.logger ?? pino({ name: 'ocr-pool' });
  const langPath = o.langPath ?? defaultLangPath(model);
  const scheduler: Scheduler = createScheduler();
  const workers: Worker[] = [];
  const start = async (n: number): Promise<Worker> => {
    const pending = createWorker(o.languages ?? 'tur', OEM.LSTM_ONLY, {
      langPath,
      gzip: o.gzip ?? true,
      cacheMethod: 'none',
      errorHandler: (err: unknown) => log.warn({ err, worker: n }, 'tesseract job failed'),
    });
    const worker = await withTimeout(pending, o.startTimeoutMs ?? 60_000, () => {
      pending.then((w) => w.terminate()).catch(() => undefined);
      return new DocumentError(E.ocrUnavailable, `OCR worker ${n} did not start (language data at ${langPath})`);
    });
    await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, user_defined_dpi: '300' });
    return worker;
  };
  try {
    for (const w of await Promise.all(Array.from({ length: size }, (_, n) => start(n)))) {
      workers.push(w);
      scheduler.addWorker(w);
    }
  } catch (err) {
    await scheduler.terminate();
    throw err;
  }
  log.info({ size, model, langPath }, 'OCR pool started');
  return {
    size,
    async recognize(image) {
      const job = scheduler.addJob('recognize', image, { rotateAuto: o.rotateAuto ?? true }, { text: true, blocks: true }) as Promise<{ data: Page }>;
      try {
        const { data } = await withTimeout(job, o.pageTimeoutMs ?? 180_000, () => new DocumentError(E.ocrFailed, 'OCR of one page timed out'));
        return toResult(data);
      } catch (cause) {
        if (cause instanceof DocumentError) throw cause;
        throw new DocumentError(E.ocrFailed, `OCR failed: ${String(cause)}`, { cause });
      }
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
