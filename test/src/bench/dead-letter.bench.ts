import type { DeadLetter, DeadLetterSearch } from '@tareks/schemas';
import { DeadLetterIndex } from '@tareks/hub';
import type { BenchRow } from './bench-row.js';

const ENTRIES = Number(process.env.BENCH_DEAD_LETTERS ?? 100_000);
const RUNS = 50;

/** A dead letter of a spread of stages, codes, offices, declarations, GTİPs and times, one minute apart. */
function syntheticLetter(i: number): DeadLetter {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  const stage = (['orchestrate', 'score', 'notify'] as const)[i % 3]!;
  return {
    id: `bench-${i}`, stage, subject: stage, payload: '', headers: {},
    error: { code: ['HUB_ERR_POISON_MESSAGE', 'HUB_ERR_SCORING_FAILED', 'CALLBACK_ERR_REJECTED', 'CALLBACK_ERR_SERVER'][i % 4]!, message: `failure ${i}` },
    attempts: 1 + (i % 5), firstFailureAt: at, lastFailureAt: at,
    declarationId: `26341300IM${String(i % 50_000).padStart(6, '0')}`, version: 1 + Math.floor(i / 50_000),
    customsOffice: ['341300', '060100', '350200', '160500'][i % 4]!, gtips: [`9503007${String(i % 1000).padStart(5, '0')}`], replays: [],
  };
}

/** Mean milliseconds of one search over `RUNS` runs. */
function timed(index: DeadLetterIndex, search: DeadLetterSearch): number {
  const started = performance.now();
  for (let r = 0; r < RUNS; r++) index.search(search);
  return (performance.now() - started) / RUNS;
}

/** The admin dead-letter search over an index of `ENTRIES` entries: build time and ms per filtered page. */
export function benchDeadLetters(): BenchRow[] {
  const letters = Array.from({ length: ENTRIES }, (_, i) => syntheticLetter(i + 1));
  const index = new DeadLetterIndex();
  const started = performance.now();
  letters.forEach((letter, i) => index.add(letter, i + 1));
  const buildMs = performance.now() - started;
  // Baseline: what a search costs without the index, a filter over every entry.
  const scanStarted = performance.now();
  for (let r = 0; r < RUNS; r++) letters.filter((l) => l.stage === 'notify' && l.error.code === 'CALLBACK_ERR_REJECTED' && l.customsOffice === '341300');
  const scanMs = (performance.now() - scanStarted) / RUNS;
  const notes = `${ENTRIES.toLocaleString('en')} entries, mean of ${RUNS} searches, page of 50`;
  const searches: Array<[string, DeadLetterSearch]> = [
    ['newest page, no filter', { limit: 50 }],
    ['stage + code + office', { stage: 'notify', code: 'CALLBACK_ERR_REJECTED', office: '341300', limit: 50 }],
    ['deep page of one stage', { stage: 'score', limit: 50, cursor: Math.floor(ENTRIES / 5) }],
    ['by GTİP', { gtip: '950300700123', limit: 50 }],
    ['by declaration no.', { declarationId: '26341300IM000123' }],
    ['time range', { from: syntheticLetter(Math.floor(ENTRIES * 0.9)).lastFailureAt, to: syntheticLetter(Math.floor(ENTRIES * 0.95)).lastFailureAt, limit: 50 }],
  ];
  return [
    { group: 'dead letters', name: 'build the search index', value: Math.round(buildMs), unit: 'ms', notes: `${ENTRIES.toLocaleString('en')} entries` },
    ...searches.map(([name, search]): BenchRow => ({
      group: 'dead letters', name: `search: ${name}`, value: Math.round(timed(index, search) * 1000) / 1000, unit: 'ms', notes,
      ...(name === 'stage + code + office' ? { baseline: { name: 'filter over every entry', value: Math.round(scanMs * 1000) / 1000 } } : {}),
    })),
  ];
}
