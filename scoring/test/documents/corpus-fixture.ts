import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { generateCorpus, readDocument, type CorpusDocument, type CorpusManifest, type OcrPool } from '@tareks/scoring';
import type { DocumentExtraction } from '@tareks/schemas';

/** A small generated corpus in a temporary folder (one case per invoice layout), removed by `dispose`. */
export async function corpusFixture(o: { cases: number; scans: boolean; textPdf?: boolean; seed?: number }): Promise<{
  dir: string;
  manifest: CorpusManifest;
  bytes: (d: CorpusDocument) => Promise<Buffer>;
  read: (d: CorpusDocument, pool: OcrPool) => Promise<DocumentExtraction>;
  dispose: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'tareks-ocr-'));
  const manifest = await generateCorpus({ outDir: dir, cases: o.cases, scans: o.scans, textPdf: o.textPdf ?? true, seed: o.seed ?? 2026 });
  const bytes = (d: CorpusDocument) => readFile(join(dir, d.file));
  return {
    dir,
    manifest,
    bytes,
    read: async (d, pool) => {
      const b = await bytes(d);
      return readDocument(b, d.mediaType, pool, { sha256: createHash('sha256').update(b).digest('hex'), declaredType: d.type });
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
