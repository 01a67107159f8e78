import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esbisConnector } from '../src/esbis/esbis.registration.js';
import type { SimulatorHandle } from '../src/simulator/sim-server.js';
import { population } from './samples.js';

const tradesman = population.tradesmen[0]!;
let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await esbisConnector.startSimulator({ population: { ...population, tradesmen: [...population.tradesmen, { ...population.tradesmen[1]!, tckn: population.persons[0]!.tckn, vkn: '0010000009' }] } });
});
afterAll(() => sim.close());

describe('ESBİS contract over HTTP (simulator)', () => {
  it('GET /v1/tradesmen?tckn answers 200 with the record, 404 with a coded error', async () => {
    const ok = await fetch(`${sim.url}/v1/tradesmen?tckn=${tradesman.tckn}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ tradesman });
    const missing = await fetch(`${sim.url}/v1/tradesmen?tckn=10000000146`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('looks up by VKN, and refuses a query with neither or both keys', async () => {
    expect((await fetch(`${sim.url}/v1/tradesmen?vkn=0010000009`)).status).toBe(200);
    expect((await fetch(`${sim.url}/v1/tradesmen`)).status).toBe(400);
    expect((await fetch(`${sim.url}/v1/tradesmen?tckn=${tradesman.tckn}&vkn=0010000009`)).status).toBe(400);
  });

  it('the production client maps 200 / 404 / 500 / garbage to a result or a typed error', async () => {
    const client = await esbisConnector.openClient({ ...esbisConnector.readConfig({}), url: sim.url });
    const signal = new AbortController().signal;
    expect(await client.call({ tckn: tradesman.tckn }, signal)).toEqual({ found: true, tradesman });
    expect(await client.call({ tckn: '10000000146' }, signal)).toEqual({ found: false });
    sim.faults.set({ errorRate: 1 });
    await expect(client.call({ tckn: tradesman.tckn }, signal)).rejects.toMatchObject({ code: 'ESBIS_ERR_SERVER_FAULT', retryable: true });
    sim.faults.set({ errorRate: 0, malformedRate: 1 });
    await expect(client.call({ tckn: tradesman.tckn }, signal)).rejects.toMatchObject({ code: 'ESBIS_ERR_MALFORMED_REPLY' });
    sim.faults.set({ malformedRate: 0, outage: true });
    await expect(client.call({ tckn: tradesman.tckn }, signal)).rejects.toMatchObject({ code: 'ESBIS_ERR_UNAVAILABLE' });
    sim.faults.reset();
  });

  it('a closed port is a typed, retryable unavailable error', async () => {
    const client = await esbisConnector.openClient({ ...esbisConnector.readConfig({}), url: 'http://127.0.0.1:9' });
    await expect(client.call({ tckn: tradesman.tckn }, new AbortController().signal)).rejects.toMatchObject({ code: 'ESBIS_ERR_UNAVAILABLE', retryable: true });
  });
});
