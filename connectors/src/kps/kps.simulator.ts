import { readFileSync } from 'node:fs';
import type { Person } from '@tareks/schemas';
import { turkishUpper } from '../shared/turkish.js';
import type { SimulatorOptions } from '../shared/connector.js';
import { FaultState } from '../simulator/fault-knobs.js';
import { createSimServer, listenSim, type SimulatorHandle } from '../simulator/sim-server.js';
import { SoapClientFault, registerSoapEndpoint, soapFaultRenderer } from '../simulator/soap-endpoint.js';
import { KPS_WSDL } from './kps.client.js';

export const KPS_PATH = '/Service/KPSPublic.asmx';
export const KPS_NS = 'http://tckimlik.nvi.gov.tr/WS';
export const KPS_ACTION = `${KPS_NS}/TCKimlikNoDogrula`;

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * KPSPublic as the population registry publishes it: TCKimlikNoDogrula answers true only when the TCKN, the
 * upper-cased names and the birth year all match a living person. Non-numeric TCKimlikNo / DogumYili is a Client Fault,
 * as xsd:long / xsd:int deserialisation would be.
 */
export async function startKpsSimulator(opts: SimulatorOptions): Promise<SimulatorHandle> {
  const byTckn = new Map<string, Person>(opts.population.persons.map((p) => [p.tckn, p]));
  const faults = new FaultState(opts.faults);
  const app = createSimServer({ faults, render: soapFaultRenderer, logger: opts.logger });
  registerSoapEndpoint(app, {
    path: KPS_PATH,
    wsdl: readFileSync(KPS_WSDL, 'utf8'),
    versions: ['1.1', '1.2'],
    operations: {
      TCKimlikNoDogrula: {
        soapAction: KPS_ACTION,
        handle(args) {
          const tckn = text(args['TCKimlikNo']).trim();
          const year = text(args['DogumYili']).trim();
          if (!/^-?[0-9]{1,19}$/.test(tckn)) throw new SoapClientFault('TCKimlikNo: input string was not in a correct format (xsd:long)');
          if (!/^-?[0-9]{1,10}$/.test(year)) throw new SoapClientFault('DogumYili: input string was not in a correct format (xsd:int)');
          const p = byTckn.get(tckn);
          const ok =
            p !== undefined && p.alive && Number(year) === p.birthYear &&
            turkishUpper(text(args['Ad'])) === turkishUpper(p.firstName) &&
            turkishUpper(text(args['Soyad'])) === turkishUpper(p.lastName);
          return `<TCKimlikNoDogrulaResponse xmlns="${KPS_NS}"><TCKimlikNoDogrulaResult>${ok}</TCKimlikNoDogrulaResult></TCKimlikNoDogrulaResponse>`;
        },
      },
    },
  });
  const base = await listenSim(app, opts.host ?? '127.0.0.1', opts.port ?? 0);
  return { name: 'kps', url: `${base}${KPS_PATH}`, faults, close: () => app.close() };
}
