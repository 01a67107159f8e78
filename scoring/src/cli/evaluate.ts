#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { parseItemCsv } from '../evaluate/item-csv.js';
import { startPeer, type PeerProcess } from '../evaluate/peer-learner.js';
import { formatReport } from '../evaluate/report-table.js';
import { prepareData } from '../evaluate/prepared-data.js';
import { runCount, runEvaluation, type PeerFeatures } from '../evaluate/run-evaluation.js';
import { loadRuleConfig } from '../rules/rule-config.js';

/**
 * `npm run evaluate -- --data FILE.csv [--budget B]... [--explore E] [--seed N] [--json]
 *   [--peer NAME=COMMAND]... [--peer-features all|history|both]` runs the fixed protocol (EVALUATION-PROTOCOL.md) on any file in the format.
 */
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    budget: { type: 'string', multiple: true },
    explore: { type: 'string', default: '10' },
    seed: { type: 'string', default: '42' },
    json: { type: 'boolean', default: false },
    rules: { type: 'string' },
    peer: { type: 'string', multiple: true },
    'peer-features': { type: 'string', default: 'all' },
  },
});
if (!values.data) {
  console.error('usage: npm run evaluate -- --data FILE.csv [--budget 10] [--explore 10] [--seed 42] [--json] [--peer "xgboost=/usr/bin/python3 test/peers/xgboost/xgboost_peer.py"]');
  process.exit(2);
}
const budgets = (values.budget ?? ['1', '5', '10']).map(Number);
const peerFeatures = values['peer-features'] as PeerFeatures;
if (!['all', 'history', 'both'].includes(peerFeatures)) {
  console.error('--peer-features must be all, history or both');
  process.exit(2);
}
const rows = parseItemCsv(readFileSync(values.data, 'utf8'));
const peers: { name: string; process: PeerProcess }[] = [];
for (const spec of values.peer ?? []) {
  const [name, command] = spec.includes('=') ? [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)] : ['peer', spec];
  peers.push({ name: name!, process: await startPeer(command!.split(' ').filter(Boolean)) });
}
const testWeeks = Math.max(0, prepareData(rows).weeks.length - 4);
const bar = new cliProgress.SingleBar(
  {
    stream: process.stderr,
    format: 'evaluating [{bar}] {percentage}% | {value}/{total} test weeks | ETA {eta_formatted}',
    hideCursor: true,
    // Without a terminal (CI logs), a line every 10 s instead of a redrawn bar.
    noTTYOutput: true,
    notTTYSchedule: 10_000,
  },
  cliProgress.Presets.shades_classic,
);
bar.start(runCount({ budgets, peers, peerFeatures }) * testWeeks, 0);
try {
  const report = await runEvaluation(rows, {
    budgets,
    explore: Number(values.explore),
    seed: Number(values.seed),
    rules: loadRuleConfig(values.rules ?? undefined),
    peers,
    peerFeatures,
    onWeek: () => bar.increment(),
  });
  bar.stop();
  const peerInfo = peers.map((p) => ({ name: p.name, ...p.process.hello }));
  console.log(values.json ? JSON.stringify({ ...report, data: values.data, peers: peerInfo }, null, 2) : formatReport(report));
} finally {
  bar.stop();
  await Promise.all(peers.map((p) => p.process.close()));
}
