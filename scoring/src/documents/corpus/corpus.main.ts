import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.generator.js';

/** `node scoring/dist/documents/corpus/corpus.main.js --out .data/ocr-corpus --cases 12 --seed 2026` */
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: '.data/ocr-corpus' },
    cases: { type: 'string', default: '8' },
    seed: { type: 'string', default: '2026' },
    'no-scans': { type: 'boolean', default: false },
  },
});
const manifest = await generateCorpus({ outDir: values.out, cases: Number(values.cases), seed: Number(values.seed), scans: !values['no-scans'] });
const docs = manifest.cases.reduce((n, c) => n + c.documents.length, 0);
console.log(`${manifest.cases.length} cases, ${docs} documents → ${values.out}`);
