import { describe, expect, it } from 'vitest';
import type { DeadLetter, DeadLetterFilter } from '@tareks/schemas';
import { DeadLetterIndex } from '../../src/deadletters/dead-letter.index.js';

const STAGES = ['orchestrate', 'score', 'notify'] as const;
const CODES = ['HUB_ERR_POISON_MESSAGE', 'HUB_ERR_SCORING_FAILED', 'CALLBACK_ERR_REJECTED', 'CALLBACK_ERR_SERVER'];
const OFFICES = ['341300', '060100', '350200', '160500'];

function letter(i: number): DeadLetter {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  return {
    id: `dl-${i}`,
    stage: STAGES[i % 3]!,
    subject: 'x',
    payload: '',
    headers: {},
    error: { code: CODES[i % 4]!, message: `failure ${i}` },
    attempts: 1 + (i % 5),
    firstFailureAt: at,
    lastFailureAt: at,
    declarationId: `26341300IM${String(i % 50_000).padStart(6, '0')}`,
    version: 1 + Math.floor(i / 50_000),
    customsOffice: OFFICES[i % 4]!,
    gtips: [`9503007${String(i % 1000).padStart(5, '0')}`],
    replays: [],
  };
}

describe('dead-letter index', () => {
  const index = new DeadLetterIndex();
  for (let i = 1; i <= 1000; i++) index.add(letter(i), i);

  it('filters by every field and counts all matches', () => {
    expect(index.search({ stage: 'notify' }).total).toBe(333);
    expect(index.search({ stage: 'notify', code: 'HUB_ERR_POISON_MESSAGE' }).total).toBe(83);
    expect(index.search({ office: '060100' }).total).toBe(250);
    expect(index.search({ gtip: '950300700007' }).items.map((e) => e.id)).toEqual(['dl-7']);
    expect(index.search({ declarationId: '26341300IM000010' }).items.map((e) => e.id)).toEqual(['dl-10']);
    expect(index.search({ from: letter(991).lastFailureAt }).total).toBe(10);
    expect(index.search({ to: letter(10).lastFailureAt }).total).toBe(10);
  });

  it('pages newest first with a cursor, without gaps or repeats', () => {
    const seen: string[] = [];
    let cursor: number | undefined;
    do {
      const page = index.search({ stage: 'score', limit: 40, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(334);
    expect(new Set(seen).size).toBe(334);
    expect(seen[0]).toBe('dl-1000');
  });

  it('tracks replays, also when the history arrives before the dead letter', () => {
    const record = { replayId: 'r1', at: new Date().toISOString(), by: 'user:a', edited: false, result: 'ACCEPTED' };
    index.setReplays('dl-5', [record]);
    index.setReplays('dl-late', [record]);
    index.add({ ...letter(1001), id: 'dl-late' }, 1001);
    expect(index.search({ replayed: true }).items.map((e) => e.id)).toEqual(['dl-late', 'dl-5']);
    expect(index.matchIds({ replayed: false })).toHaveLength(999);
  });

  it('answers every filter combination exactly like a full scan, also when failure times are out of order', () => {
    const skewed = new DeadLetterIndex();
    // Every 7th letter carries a clock 10 minutes behind: the time range can no longer be a binary search.
    for (let i = 1; i <= 600; i++) {
      const l = letter(i);
      const at = i % 7 === 0 ? new Date(Date.parse(l.lastFailureAt) - 600_000).toISOString() : l.lastFailureAt;
      skewed.add({ ...l, lastFailureAt: at }, i);
    }
    const filters: DeadLetterFilter[] = [
      {}, { stage: 'score' }, { code: 'HUB_ERR_SCORING_FAILED', office: '060100' }, { gtip: '950300700007' },
      { from: letter(200).lastFailureAt }, { from: letter(100).lastFailureAt, to: letter(300).lastFailureAt, stage: 'notify' },
      { to: letter(50).lastFailureAt, office: '341300' }, { replayed: false, stage: 'orchestrate' }, { office: '999999' },
    ];
    for (const built of [index, skewed]) {
      const all = built.search({ limit: 500 }).items;
      const rest = built.search({ limit: 500, cursor: all.at(-1)!.seq }).items;
      const everything = [...all, ...rest, ...built.search({ limit: 500, cursor: (rest.at(-1) ?? all.at(-1)!).seq }).items];
      for (const f of filters) {
        const from = f.from ? Date.parse(f.from) : -Infinity;
        const to = f.to ? Date.parse(f.to) : Infinity;
        const expected = everything
          .filter((e) => (!f.stage || e.stage === f.stage) && (!f.code || e.code === f.code) && (!f.office || e.customsOffice === f.office))
          .filter((e) => (!f.gtip || e.gtips?.includes(f.gtip)) && Date.parse(e.lastFailureAt) >= from && Date.parse(e.lastFailureAt) <= to)
          .filter((e) => f.replayed === undefined || (e.replayCount > 0) === f.replayed)
          .map((e) => e.id);
        const page = built.search({ ...f, limit: 500 });
        expect(page.total, JSON.stringify(f)).toBe(expected.length);
        expect(page.items.map((e) => e.id), JSON.stringify(f)).toEqual(expected.slice(0, 500));
        expect(built.matchIds(f), JSON.stringify(f)).toEqual([...expected].reverse());
      }
    }
  });

  // How fast it answers is measured by `npm run bench` (dead letters); this checks the answers at that size.
  it('answers from 100 000 entries', () => {
    const big = new DeadLetterIndex();
    for (let i = 1; i <= 100_000; i++) big.add(letter(i), i);
    expect(big.search({ stage: 'notify', code: 'CALLBACK_ERR_REJECTED', office: '341300' }).total).toBe(0);
    expect(big.search({ gtip: '950300700123' }).total).toBe(100);
  });
});
