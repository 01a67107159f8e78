import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS } from './soap.fixtures.js';
import { buildSoapApp, type SoapTestApp } from './soap.raw.js';

// Java's wsimport and the JAX-WS runtime from Debian's `jaxws` package, javac from a JDK (both installed by the setup script).
const JARS = [
  'jaxws-rt', 'jaxws-api', 'jaxb-api', 'jaxb-runtime', 'jaxb-core', 'javax.activation', 'saaj-impl', 'stax-ex', 'streambuffer',
  'mimepull', 'metro-policy', 'gmbal', 'glassfish-management-api', 'glassfish-pfl-basic', 'glassfish-pfl-tf', 'istack-commons-runtime',
  'FastInfoset', 'jaxws-ri-runtime',
].map((j) => `/usr/share/java/${j}.jar`);
const CLIENT = fileURLToPath(new URL('./WsimportClient.java', import.meta.url));
const run = promisify(execFile);

let t: SoapTestApp;
let url: string;
let dir: string;
beforeAll(async () => {
  t = await buildSoapApp();
  url = `${await t.app.listen({ port: 0, host: '127.0.0.1' })}/soap/declarations`;
  dir = await mkdtemp(join(tmpdir(), 'tareks-wsimport-'));
  await mkdir(join(dir, 'src'));
  await run('wsimport', ['-Xnocompile', '-quiet', '-d', join(dir, 'src'), '-p', 'tareks.customs', `${url}?wsdl`], { timeout: 120_000 });
});
afterAll(async () => {
  await t.app.close();
  await rm(dir, { recursive: true, force: true });
});

async function javaSources(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true });
  return entries.filter((e) => e.endsWith('.java')).map((e) => join(root, e));
}

describe('Java wsimport + JAX-WS consume the WSDL', () => {
  it('generates a wrapped-style port with typed HubFault exceptions', async () => {
    const port = await readFile(join(dir, 'src/tareks/customs/DeclarationsPortType.java'), 'utf8');
    expect(port).toContain('@RequestWrapper(localName = "SubmitDeclaration", targetNamespace = "urn:tareks:hub:declarations:v1"');
    expect(port).toContain('@ResponseWrapper(localName = "GetDecisionResponse"');
    expect(port).toContain('action = "urn:tareks:hub:declarations:v1#SubmitDeclaration"');
    expect(port).toMatch(/Declaration declaration,\s+@WebParam\(name = "waitMs"/);
    expect(port).toContain('throws HubFault_Exception');
  });

  it('submits, reads the decision and gets our fault through the generated classes', async () => {
    await copyFile(CLIENT, join(dir, 'src/WsimportClient.java'));
    const classpath = JARS.join(':');
    await run('javac', ['-nowarn', '-encoding', 'UTF-8', '-cp', classpath, '-d', join(dir, 'out'), ...(await javaSources(join(dir, 'src')))], { timeout: 120_000 });
    const { stdout } = await run('java', ['-cp', `${classpath}:${join(dir, 'out')}`, 'WsimportClient', url, KEYS.full, '26341300IM300001'], { timeout: 60_000 });
    expect(stdout.trim().split('\n')).toEqual([
      'receipt.status=DECIDED',
      'decision.lane=YELLOW',
      'decision.item1.score=0.4375',
      'state.status=DECIDED',
      'fault.code=HUB_ERR_TCKN_INVALID',
      'fault.pointer=SubmitDeclaration/declaration/representative/tckn',
    ]);
    expect(t.ingest.calls[0]!.declaration.trader.name).toBe('Örnek Oyuncak İthalat A.Ş.');
  });
});
