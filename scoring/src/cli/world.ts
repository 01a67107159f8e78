#!/usr/bin/env node
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { stringifyItemCsv } from '../evaluate/item-csv.js';
import type { ItemRow } from '../features/item-row.js';
import { generateDataset } from '../world/dataset.js';

/** `npm run world -- --out FILE.csv --weeks 52 --seed N`: the synthetic world as an evaluation file. */
const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    weeks: { type: 'string', default: '52' },
    seed: { type: 'string', default: '1' },
    'items-per-week': { type: 'string', default: '1150' },
    traders: { type: 'string', default: '400' },
    'no-drift': { type: 'boolean', default: false },
  },
});
if (!values.out) {
  console.error('usage: npm run world -- --out FILE.csv [--weeks 52] [--seed N] [--items-per-week 1150] [--traders 400] [--no-drift]');
  process.exit(2);
}
const out = createWriteStream(values.out, { encoding: 'utf8' });
let header = true;
let batch: ItemRow[] = [];
let count = 0;
const flush = async (): Promise<void> => {
  if (!out.write(stringifyItemCsv(batch, header))) await once(out, 'drain');
  header = false;
  count += batch.length;
  batch = [];
};
for (const row of generateDataset({
  seed: Number(values.seed),
  weeks: Number(values.weeks),
  itemsPerWeek: Number(values['items-per-week']),
  traders: Number(values.traders),
  withDocuments: true,
  ...(values['no-drift'] ? { driftWeek: null } : {}),
})) {
  batch.push(row);
  if (batch.length >= 5000) await flush();
}
await flush();
out.end();
await once(out, 'finish');
console.error(`${count} items → ${values.out}`);
