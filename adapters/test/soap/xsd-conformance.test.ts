import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { wsdlDir } from '@tareks/schemas';
import { GetDecisionResponse, HubFault, SubmitDeclarationRequest, SubmitDeclarationResponse } from '../../src/soap/soap-operations.js';
import { TNS } from '../../src/soap/soap.constants.js';
import { jsonToXml } from '../../src/soap/xml-mapping.js';
import { decisionFor, fullDeclaration } from './soap.fixtures.js';
import { submitBody } from './soap.raw.js';

// lxml comes with Debian's python3-zeep; Debian's interpreter, not a pyenv one on PATH.
const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./xsd_validate.py', import.meta.url));

async function validate(documents: string[]): Promise<string[][]> {
  const child = promisify(execFile)(PYTHON, [SCRIPT], { timeout: 30_000 });
  child.child.stdin!.end(JSON.stringify({ xsd: join(wsdlDir, 'declarations.xsd'), documents }));
  return JSON.parse((await child).stdout) as string[][];
}

const withNs = (xml: string): string => xml.replace(/^<tns:(\w+)>/, `<tns:$1 xmlns:tns="${TNS}">`);

describe('what we write and read is valid against the XSD (libxml2 as the independent judge)', () => {
  it('accepts the hand-written request, and every message our mapping writes', async () => {
    const d = fullDeclaration();
    const receipt = { id: d.id, version: d.version, status: 'DECIDED', receivedAt: '2026-11-24T10:15:31.000Z', statusUrl: '/s', duplicate: false };
    const state = { id: d.id, version: d.version, status: 'DECIDED', receivedAt: '2026-11-24T10:15:31.000Z', updatedAt: '2026-11-24T10:15:32.000Z', decision: decisionFor(d) };
    const fault = { code: 'HUB_ERR_GTIP_INVALID', message: 'x', details: [{ code: 'HUB_ERR_GTIP_INVALID', pointer: 'SubmitDeclaration/declaration/items/item[1]/gtip', message: 'y' }] };
    const documents = [
      submitBody(),
      withNs(jsonToXml(SubmitDeclarationRequest, 'SubmitDeclaration', { declaration: d, waitMs: 100 })),
      withNs(jsonToXml(SubmitDeclarationResponse, 'SubmitDeclarationResponse', { receipt, decision: decisionFor(d) })),
      withNs(jsonToXml(GetDecisionResponse, 'GetDecisionResponse', { state })),
      withNs(jsonToXml(HubFault, 'HubFault', fault)),
    ];
    expect(await validate(documents)).toEqual(documents.map(() => []));
  });

  it('rejects what the JSON contract rejects by shape', async () => {
    const bad = [submitBody().replace('<d:unit>ADET</d:unit>', '<d:unit>PAIR</d:unit>'), submitBody().replace('<d:gtip>950300700000</d:gtip>', '<d:gtip>9503</d:gtip>')];
    const results = await validate(bad);
    expect(results.every((errors) => errors.length > 0)).toBe(true);
  });
});
