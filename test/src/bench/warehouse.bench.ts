import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Decision, ReportRange } from '@tareks/schemas';
import { ReportQueries, startWarehouse, WarehouseDb } from '@tareks/hub';
import { startTestHub } from '../support/running-hub.js';
import type { BenchRow } from './bench-row.js';

const DECISIONS = Number(process.env.BENCH_WAREHOUSE_DECISIONS ?? 1_000_000);
const PROJECTED = Number(process.env.BENCH_WAREHOUSE_PROJECTED ?? 20_000);
const RUNS = 5;
const YEAR: ReportRange = { from: '2025-01-01', to: '2025-12-31' };
const MONTH: ReportRange = { from: '2025-12-01', to: '2025-12-31' };

/**
 * A year of synthetic history straight into the warehouse tables: `n` declarations with one to three items each,
 * 12 offices, 20,000 traders, 6,000 GTİP codes in 30 chapters, 40 origins, ~10 % of items sent to a check and most of those inspected.
 */
const CHAPTERS = `['95','85','64','61','62','39','94','84','73','42','63','40','69','70','44','48','90','87','96','83','07','08','09','10','12','15','17','20','22','04']`;
const ORIGINS = `['CN','DE','IT','VN','IN','US','FR','ES','KR','JP','BD','PK','TW','TH','ID','MY','PL','NL','BE','GB','RO','BG','GR','EG','IR','RU','UA','BR','AR','MX','CZ','HU','AT','CH','SE','PT','MA','TN','IL','AE']`;
const OFFICES = `['341300','340100','060100','350100','160100','010100','270100','330100','420100','070100','220100','310100']`;

const HISTORY_SQL = (n: number): string[] => [
  `CREATE TEMP TABLE g AS SELECT i, h, ts, 1 + (h >> 24) % 3 AS items, (${OFFICES})[1 + (h >> 8) % 12] AS office,
     (1000000000 + (h >> 16) % 20000)::VARCHAR AS trader, CASE WHEN (h >> 4) % 4 = 0 THEN 'AGRI_QUALITY' ELSE 'PRODUCT_SAFETY' END AS domain
     FROM (SELECT i, (hash(i) >> 1)::BIGINT AS h, TIMESTAMPTZ '2025-01-01 00:00:00+00' + to_microseconds(i * (31536000000000 // ${n})) AS ts FROM range(${n}) t(i))`,
  `INSERT INTO declarations SELECT 'D' || i, 1, 'IMPORT', domain, office, trader, 'Firma ' || trader, ts, ts, 'REST', items FROM g`,
  `CREATE TEMP TABLE gi AS SELECT *, CASE WHEN s > 0.97 THEN 'RED' WHEN s > 0.90 OR random_pick THEN 'YELLOW' ELSE 'GREEN' END AS lane,
       (hk >> 50) % 10 < 8 AS has_outcome, ((hk >> 54) % 1000) / 1000.0 < s * 0.6 AS nc
     FROM (SELECT *, ((hk >> 3) % 100000) / 100000.0 AS s, (${CHAPTERS})[1 + hk % 30] AS chapter, (${ORIGINS})[1 + (hk >> 21) % 40] AS origin,
             (hk >> 45) % 100 = 0 AS random_pick
           FROM (SELECT g.*, k AS item_no, (hash(g.i * 7 + k) >> 1)::BIGINT AS hk FROM g, range(1, g.items + 1) r(k)))`,
  `INSERT INTO declaration_items SELECT 'D' || i, 1, item_no, chapter || lpad(((hk >> 8) % 200 * 4999)::VARCHAR, 10, '0'), chapter, origin,
     'Ürün ' || (hk % 1000), ((hk >> 30) % 100000) / 10.0, 'USD', ((hk >> 12) % 10000) / 10.0, (hk >> 40) % 2 = 0 FROM gi`,
  `INSERT INTO decision_items SELECT 'D' || i, 1, item_no, item_no = 1, office, 'IMPORT', domain, lane, lane, s,
     CASE WHEN random_pick AND s <= 0.90 THEN 'RANDOM' WHEN (hk >> 48) % 50 = 0 THEN 'RULE' ELSE 'RISK' END, 'SCORE_HIGH',
     CASE WHEN ts < TIMESTAMPTZ '2025-07-01 00:00:00+00' THEN 'rules-2025a' ELSE 'gbdt-2025.07' END,
     ts, ts + INTERVAL 40 MILLISECOND, CAST(ts + INTERVAL 3 HOUR AS DATE), 40,
     chapter || lpad(((hk >> 8) % 200 * 4999)::VARCHAR, 10, '0'), chapter, origin, trader,
     CASE WHEN lane <> 'GREEN' AND has_outcome THEN (CASE WHEN nc THEN 'NON_COMPLIANT' ELSE 'COMPLIANT' END) END,
     CASE WHEN lane <> 'GREEN' AND has_outcome THEN nc END, false FROM gi`,
  `INSERT INTO outcomes SELECT 'D' || i, 1, item_no, 'mufettis' || (hk % 50), CASE WHEN nc THEN 'NON_COMPLIANT' ELSE 'COMPLIANT' END, nc, '', ts + INTERVAL 2 DAY
     FROM gi WHERE lane <> 'GREEN' AND has_outcome`,
  `INSERT INTO authorizations SELECT 'REQ-' || i, (ARRAY['APPROVED','APPROVED','APPROVED','REJECTED','MANUAL_REVIEW'])[1 + h % 5],
     CASE WHEN h % 5 = 3 THEN 'NOT_OFFICER,TCKN_MISMATCH' ELSE '' END, ts, CAST(ts + INTERVAL 3 HOUR AS DATE) FROM g WHERE i % 20 = 0`,
  `DROP TABLE gi`,
  `DROP TABLE g`,
  `CHECKPOINT`,
];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeQuery(fn: () => Promise<unknown>): Promise<{ median: number; max: number }> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return { median: median(times), max: Math.max(...times) };
}

async function reportFigures(dir: string): Promise<BenchRow[]> {
  const db = await WarehouseDb.open(join(dir, 'history.duckdb'));
  try {
    const t0 = performance.now();
    await db.withConnection(async (c) => {
      for (const sql of HISTORY_SQL(DECISIONS)) await c.run(sql);
    });
    const loadSec = (performance.now() - t0) / 1000;
    const [size] = await db.query<{ items: number; outcomes: number }>('SELECT (SELECT count(*) FROM decision_items)::INTEGER AS items, (SELECT count(*) FROM outcomes)::INTEGER AS outcomes');
    const q = new ReportQueries(db);
    const reports: Array<[string, (r: ReportRange) => Promise<unknown>]> = [
      ['volumes by day', (r) => q.volumes(r, 'day')],
      ['volumes by office', (r) => q.volumes(r, 'office')],
      ['inspection rate vs capacity', (r) => q.inspectionRate(r)],
      ['hit rate by selection cause', (r) => q.hitRate(r)],
      ['model performance (AUC per day)', (r) => q.modelPerformance(r)],
      ['riskiest traders (top 20)', (r) => q.riskiestTraders(r, 20)],
      ['riskiest products (top 20)', (r) => q.riskiestProducts(r, 20)],
      ['authorization statistics', (r) => q.authorizations(r)],
      ['risk map (chapter × origin)', (r) => q.riskMap(r)],
    ];
    const rows: BenchRow[] = [];
    const notes = `${DECISIONS.toLocaleString('en-US')} decisions, ${size!.items.toLocaleString('en-US')} items, ${size!.outcomes.toLocaleString('en-US')} outcomes; median of ${RUNS} warm runs`;
    for (const [name, run] of reports) {
      const year = await timeQuery(() => run(YEAR));
      rows.push({ group: 'warehouse', name: `${name}, one year`, value: Math.round(year.median), unit: 'ms', notes: `${notes}, max ${Math.round(year.max)} ms` });
    }
    const month = await timeQuery(() => q.riskMap(MONTH));
    rows.push({ group: 'warehouse', name: 'risk map (chapter × origin), one month', value: Math.round(month.median), unit: 'ms', notes });
    rows.push({ group: 'warehouse', name: 'generate the history (SQL, with keys)', value: Math.round(loadSec * 10) / 10, unit: 's', notes });
    return rows;
  } finally {
    db.close();
  }
}

function syntheticDecision(i: number): Decision {
  const at = new Date(Date.UTC(2025, 11, 1) + i * 1000).toISOString();
  const score = (i * 7919) % 1000 / 1000;
  return {
    declarationId: `26341300IM${String(i).padStart(6, '0')}`, version: 1, customsOffice: '341300', kind: 'IMPORT', domain: 'PRODUCT_SAFETY', lane: 'GREEN',
    items: [1, 2].map((itemNo) => ({ itemNo, score, lane: 'GREEN' as const, selectionCause: 'RISK' as const, reasons: [{ code: 'SCORE', weight: score, text: { tr: 'puan', en: 'score' } }] })),
    modelVersion: 'bench', timings: { receivedAt: at, decidedAt: at, enrichMs: 1, scoreMs: 1, totalMs: 3 },
  };
}

/** Decisions already in JetStream taken into a file (empty, then the year of history): the projection's catch-up rate. */
async function projectionFigures(dir: string): Promise<BenchRow[]> {
  const hub = await startTestHub({ TAREKS_ROLES: 'api' });
  try {
    const inFlight: Array<Promise<unknown>> = [];
    for (let i = 0; i < PROJECTED; i++) {
      const d = syntheticDecision(i);
      inFlight.push(hub.nats.js.publish(hub.names.subjects.decision(d.customsOffice, d.lane), JSON.stringify(d)));
      if (inFlight.length >= 1000) await Promise.all(inFlight.splice(0));
    }
    await Promise.all(inFlight);
    const rows: BenchRow[] = [];
    for (const [label, file] of [['into an empty file', 'projected.duckdb'], ['into the year of history', 'history.duckdb']] as const) {
      const t0 = performance.now();
      const w = await startWarehouse({
        js: hub.nats.js, jsm: hub.nats.jsm, names: hub.names, logger: pino({ level: 'warn' }), path: join(dir, file), durablePrefix: `bench-${file.split('.')[0]}`,
      });
      await w.waitCaughtUp(600_000);
      const sec = (performance.now() - t0) / 1000;
      await w.stop();
      rows.push({ group: 'warehouse', name: `projection catch-up from JetStream, ${label}`, value: Math.round(PROJECTED / sec), unit: 'decisions/s', notes: `${PROJECTED.toLocaleString('en-US')} decisions × 2 items, batches of 1,000` });
    }
    return rows;
  } finally {
    await hub.dispose();
  }
}

/** Report query times on a generated year of 1,000,000 decisions, and the projection's catch-up rate. */
export async function benchWarehouse(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tareks-bench-wh-'));
  try {
    return [...(await reportFigures(dir)), ...(await projectionFigures(dir))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
