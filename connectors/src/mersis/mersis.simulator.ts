import { readFileSync } from 'node:fs';
import type { Company } from '@tareks/schemas';
import type { SimulatorOptions } from '../shared/connector.js';
import { FaultState } from '../simulator/fault-knobs.js';
import { createSimServer, listenSim, type SimulatorHandle } from '../simulator/sim-server.js';
import { SoapClientFault, registerSoapEndpoint, soapFaultRenderer } from '../simulator/soap-endpoint.js';
import { MERSIS_WSDL } from './mersis.client.js';
import { toMersisResponseXml } from './mersis.mapping.js';

export const MERSIS_PATH = '/mersis/FirmaService';
export const MERSIS_NS = 'urn:tareks:mersis:ws:v1';
export const MERSIS_ACTION = `${MERSIS_NS}/FirmaSorgula`;

/** MERSİS simulator: FirmaSorgula by VergiKimlikNo or MersisNo (exactly one, else a Client Fault). */
export async function startMersisSimulator(opts: SimulatorOptions): Promise<SimulatorHandle> {
  const byVkn = new Map<string, Company>(opts.population.companies.map((c) => [c.vkn, c]));
  const byMersis = new Map<string, Company>(opts.population.companies.map((c) => [c.mersisNo, c]));
  const faults = new FaultState(opts.faults);
  const app = createSimServer({ faults, render: soapFaultRenderer, logger: opts.logger });
  registerSoapEndpoint(app, {
    path: MERSIS_PATH,
    wsdl: readFileSync(MERSIS_WSDL, 'utf8'),
    versions: ['1.1'],
    operations: {
      FirmaSorgula: {
        soapAction: MERSIS_ACTION,
        handle(args) {
          const vkn = typeof args['VergiKimlikNo'] === 'string' ? args['VergiKimlikNo'].trim() : undefined;
          const mersisNo = typeof args['MersisNo'] === 'string' ? args['MersisNo'].trim() : undefined;
          if ((vkn === undefined) === (mersisNo === undefined)) throw new SoapClientFault('exactly one of VergiKimlikNo, MersisNo is required');
          if (vkn !== undefined && !/^[0-9]{10}$/.test(vkn)) throw new SoapClientFault('VergiKimlikNo must be 10 digits');
          if (mersisNo !== undefined && !/^[0-9]{16}$/.test(mersisNo)) throw new SoapClientFault('MersisNo must be 16 digits');
          return toMersisResponseXml(MERSIS_NS, vkn !== undefined ? byVkn.get(vkn) : byMersis.get(mersisNo!));
        },
      },
    },
  });
  const base = await listenSim(app, opts.host ?? '127.0.0.1', opts.port ?? 0);
  return { name: 'mersis', url: `${base}${MERSIS_PATH}`, faults, close: () => app.close() };
}
