/**
 * `npm run bench:ocr -- [--cases 6] [--model best|fast] [--workers N] [--corpus DIR] [--no-native] [--no-rotate-auto] [--out FILE]`
 * OCR throughput of the tesseract.js pool and extraction accuracy on the generated corpus of scanned Turkish
 * invoices and certificates, next to the native `tesseract` CLI (OMP_THREAD_LIMIT=1) on the same pages when installed.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import pino from 'pino';
import sharp from 'sharp';
import {
  characterErrorRate, createOcrPool, generateCorpus, matchDocuments, readDocument, type CorpusDocument, type CorpusManifest, type OcrModel,
} from '@tareks/scoring';
import type { DocumentExtraction } from '@tareks/schemas';
import type { BenchRow } from './bench-row.js';

const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '6' },
    seed: { type: 'string', default: '2026' },
    model: { type: 'string', default: 'best' },
    workers: { type: 'string', default: String(availableParallelism()) },
    corpus: { type: 'string', default: '.data/ocr-corpus' },
    out: { type: 'string', default: 'bench-results/ocr.json' },
    'no-native': { type: 'boolean', default: false },
    'no-rotate-auto': { type: 'boolean', default: false },
  },
});
const cases = Number(values.cases);
const seed = Number(values.seed);
const workers = Number(values.workers);

async function corpus(): Promise<CorpusManifest> {
  try {
    const m = JSON.parse(await readFile(join(values.corpus, 'manifest.json'), 'utf8')) as CorpusManifest;
    if (m.seed === seed && m.cases.length === cases) return m;
  } catch {
    // no corpus yet: generate it below
  }
  console.log(`generating ${cases} cases into ${values.corpus} …`);
  return generateCorpus({ outDir: values.corpus, cases, seed });
}

/** Runs `fn` over `items` with at most `limit` in flight, keeping results in order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  }));
  return out;
}

interface Tally { ok: number; all: number }
const tally = (): Tally => ({ ok: 0, all: 0 });
const count = (t: Tally, ok: boolean): void => {
  t.all++;
  if (ok) t.ok++;
};
/** Every field read wrong, for the JSON report: where the extraction still fails. */
const misses: { file: string; field: string; expected: unknown; got: unknown }[] = [];
const check = (t: Tally, file: string, field: string, expected: unknown, got: unknown): void => {
  const ok = JSON.stringify(expected) === JSON.stringify(got);
  count(t, ok);
  if (!ok) misses.push({ file, field, expected, got });
};
const pct = (t: Tally): number => (t.all ? Math.round((1000 * t.ok) / t.all) / 10 : 0);

function fieldAccuracy(docs: readonly CorpusDocument[], xs: readonly DocumentExtraction[]) {
  const f = { invoiceNo: tally(), issueDate: tally(), currency: tally(), buyerVkn: tally(), total: tally(), gtip: tally(), lineFigures: tally(), certificateNo: tally(), standards: tally() };
  docs.forEach((d, i) => {
    const x = xs[i]!;
    if (d.invoice) {
      const t = d.invoice;
      const inv = x.invoice;
      check(f.invoiceNo, d.file, 'invoiceNo', t.invoiceNo, inv?.invoiceNo?.value);
      check(f.issueDate, d.file, 'issueDate', t.issueDate, inv?.issueDate?.value);
      check(f.currency, d.file, 'currency', t.currency, inv?.currency?.value);
      check(f.buyerVkn, d.file, 'buyerVkn', t.buyer.vkn, inv?.buyer.vkn?.value);
      check(f.total, d.file, 'total', t.total, inv?.total?.value);
      for (const l of t.lines) {
        const got = inv?.lines.find((g) => g.lineNo === l.lineNo);
        check(f.gtip, d.file, `line ${l.lineNo} gtip`, l.gtip, got?.gtip);
        check(f.lineFigures, d.file, `line ${l.lineNo}`, [l.quantity, l.unitPrice, l.amount], [got?.quantity, got?.unitPrice, got?.amount]);
      }
    }
    if (d.certificate) {
      check(f.certificateNo, d.file, 'certificateNo', d.certificate.number, x.certificate?.number?.value);
      check(f.standards, d.file, 'standards', d.certificate.standards, x.references.standards.map((s) => s.value));
    }
  });
  return f;
}

async function nativeTesseract(pages: readonly { truth: readonly string[]; png: string }[]): Promise<{ pagesPerS: number; secondsPerPage: number; cer: number; load: string } | null> {
  try {
    await run('tesseract', ['--version']);
  } catch {
    return null;
  }
  const load0 = loadavg()[0]!;
  const t0 = performance.now();
  const texts = await mapLimit(pages, workers, async (p) =>
    (await run('tesseract', [p.png, 'stdout', '-l', 'tur', '--psm', '3'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 16 << 20 })).stdout);
  const s = (performance.now() - t0) / 1000;
  let errors = 0;
  let chars = 0;
  pages.forEach((p, i) => {
    const r = characterErrorRate(p.truth, texts[i]!);
    errors += r.errors;
    chars += r.chars;
  });
  return { pagesPerS: pages.length / s, secondsPerPage: (s * Math.min(workers, pages.length)) / pages.length, cer: errors / chars, load: `${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}` };
}

/** The scanned pages as PNG files for the native CLI (PDF scans through poppler's pdftoppm). */
async function pagePngs(dir: string, docs: readonly CorpusDocument[]): Promise<string[]> {
  return Promise.all(docs.map(async (d, i) => {
    const png = join(dir, `page-${i}.png`);
    if (d.mediaType === 'application/pdf') {
      await run('pdftoppm', ['-r', '300', '-gray', '-png', '-singlefile', join(values.corpus, d.file), png.replace(/\.png$/, '')]);
    } else {
      await sharp(join(values.corpus, d.file)).greyscale().png().toFile(png);
    }
    return png;
  }));
}

const manifest = await corpus();
const scans = manifest.cases.flatMap((c) => c.documents.filter((d) => d.scanned).map((d) => ({ c, d })));
const digital = manifest.cases.flatMap((c) => c.documents.filter((d) => !d.scanned).map((d) => ({ c, d })));
const log = pino({ level: 'warn' });

const startAt = performance.now();
const pool = await createOcrPool({ size: workers, model: values.model as OcrModel, logger: log, rotateAuto: !values['no-rotate-auto'] });
const startMs = performance.now() - startAt;
const read = async ({ d }: { d: CorpusDocument }): Promise<DocumentExtraction> => {
  const bytes = await readFile(join(values.corpus, d.file));
  return readDocument(bytes, d.mediaType, pool, { sha256: createHash('sha256').update(bytes).digest('hex'), declaredType: d.type });
};
const loadBefore = loadavg()[0]!;
const t0 = performance.now();
const scanned = await mapLimit(scans, pool.size, read);
const scanSeconds = (performance.now() - t0) / 1000;
const loadAfter = loadavg()[0]!;
const digitalX = await mapLimit(digital, 1, read);
await pool.close();

const pages = scanned.reduce((a, x) => a + x.pages.length, 0);
// Wall time of one page on one worker (read + preprocessing + OCR), shared cores included: the per-worker cost.
const secondsPerPage = scanned.reduce((a, x) => a + x.pages.reduce((b, p) => b + p.ms, 0), 0) / pages / 1000;
let errors = 0;
let chars = 0;
const perDocument = scans.map(({ d }, i) => {
  const x = scanned[i]!;
  const r = characterErrorRate(d.truthText, x.pages.map((p) => p.text).join('\n'));
  errors += r.errors;
  chars += r.chars;
  return { file: d.file, degradation: d.degradation, cer: Math.round(r.rate * 10000) / 100, ms: Math.round(x.ms), confidence: x.pages[0]?.confidence };
});
const cer = errors / chars;
const scanFields = fieldAccuracy(scans.map((s) => s.d), scanned);
const digitalFields = fieldAccuracy(digital.map((s) => s.d), digitalX);

const matched = tally();
for (const c of manifest.cases) {
  const xs = scans.map((s, i) => ({ s, x: scanned[i]! })).filter(({ s }) => s.c.id === c.id).map(({ x }) => x);
  const truthLines = c.documents.find((d) => d.invoice)!.invoice!.lines;
  for (const item of matchDocuments(c.declaration, xs).items) count(matched, item.line?.lineNo === truthLines.find((l) => l.itemNo === item.itemNo)?.lineNo);
}

let native: Awaited<ReturnType<typeof nativeTesseract>> = null;
if (!values['no-native']) {
  const dir = await mkdtemp(join(tmpdir(), 'ocr-bench-'));
  try {
    const pngs = await pagePngs(dir, scans.map((s) => s.d));
    native = await nativeTesseract(scans.map((s, i) => ({ truth: s.d.truthText, png: pngs[i]! })));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const rows: BenchRow[] = [
  { group: 'ocr', name: `tesseract.js pool (${pool.size} workers, ${values.model}, tur, PSM 3${values['no-rotate-auto'] ? '' : ', rotateAuto'})`, value: pages / scanSeconds, unit: 'pages/s', ...(native ? { baseline: { name: 'native tesseract CLI, OMP_THREAD_LIMIT=1, same concurrency, Debian tur (fast)', value: native.pagesPerS } } : {}), notes: `${pages} scanned pages; load avg ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on ${availableParallelism()} cores${native ? `; native CLI run: load ${native.load}` : ''}` },
  { group: 'ocr', name: 'character error rate, degraded scans', value: cer * 100, unit: '%', ...(native ? { baseline: { name: 'native tesseract CLI', value: native.cer * 100 } } : {}), notes: 'target ≤ 0.7 %' },
  { group: 'ocr', name: 'one page on one worker', value: secondsPerPage, unit: 's/page', ...(native ? { baseline: { name: 'native tesseract CLI, one process', value: native.secondsPerPage } } : {}), notes: `load avg ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}` },
  { group: 'ocr', name: 'pool start', value: startMs, unit: 'ms' },
  ...Object.entries(scanFields).map(([k, t]) => ({ group: 'fields (scans)', name: `${k} exact`, value: pct(t), unit: `% of ${t.all}` })),
  ...Object.entries(digitalFields).map(([k, t]) => ({ group: 'fields (text PDF)', name: `${k} exact`, value: pct(t), unit: `% of ${t.all}` })),
  { group: 'matching', name: 'declared items matched to the right invoice line (scans)', value: pct(matched), unit: `% of ${matched.all}`, notes: 'target ≥ 98 %' },
];
console.table(rows.map((r) => ({ group: r.group, name: r.name, value: Math.round(r.value * 100) / 100, unit: r.unit, baseline: r.baseline ? `${Math.round(r.baseline.value * 100) / 100} (${r.baseline.name})` : '' })));
await mkdir(join(values.out, '..'), { recursive: true });
await writeFile(values.out, JSON.stringify({ at: new Date().toISOString(), cores: availableParallelism(), config: { cases, seed, model: values.model, workers }, rows, perDocument, misses }, null, 2));
console.log(`→ ${values.out}`);
