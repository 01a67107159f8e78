import { randomBytes } from 'node:crypto';
import {
  exportOnnx, FEATURE_NAMES, generateDataset, generateDeclarations, loadServedModel, prepareData, trainGbdt, WeeklyFeatures,
  type GbdtModel, type ServedModel,
} from '@tareks/scoring';
import type { Declaration, ScoreJob } from '@tareks/schemas';

/** A small model trained on two weeks of the generated world, with the offline features. */
export function smallModel(seed = 3, rounds = 40): GbdtModel {
  const data = prepareData([...generateDataset({ seed, weeks: 2, itemsPerWeek: 800, withDocuments: true, driftWeek: null })]);
  const f = new WeeklyFeatures(data.rows, data.day, data.week);
  data.weeks.forEach((rows, t) => {
    f.buildWeek(t, rows);
    f.reveal(rows, rows.map((i) => data.labels[i] === 1));
  });
  return trainGbdt({ X: f.matrix, y: data.labels, featureNames: FEATURE_NAMES, params: { rounds, maxDepth: 4 } });
}

export async function served(version: string, model: GbdtModel): Promise<ServedModel> {
  return loadServedModel(version, exportOnnx(model, version), model);
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const serial = (): string => Array.from(randomBytes(6), (b) => ALPHABET[b % 36]).join('');

/** Declarations of the generated world (traders, items) under fresh ids: the world numbers every run from 1. */
export function declarations(n: number, seed = 5): Declaration[] {
  const out: Declaration[] = [];
  for (const { declaration } of generateDeclarations({ seed, weeks: 1, itemsPerWeek: 400, withDocuments: false })) {
    out.push({ ...declaration, id: `${declaration.id.slice(0, 10)}${serial()}` });
    if (out.length === n) break;
  }
  return out;
}

export function jobOf(declaration: Declaration, flags: string[] = []): ScoreJob {
  return {
    declaration,
    enrichment: flags.length ? [{ step: 'mersis', status: 'OK', flags, tookMs: 1 }] : [],
    receivedAt: new Date().toISOString(),
    clientId: 'test',
    protocol: 'REST',
    enrichMs: 0,
  };
}
