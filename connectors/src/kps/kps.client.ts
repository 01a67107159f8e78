import { join } from 'node:path';
import type { Client } from 'soap';
import { wsdlDir, type KpsVerifyRequest, type KpsVerifyResult } from '@tareks/schemas';
import type { RegistryClient } from '../shared/connector.js';
import { createSoapClient } from '../shared/soap-client.js';
import type { KpsConfig } from './kps.config.js';
import { kpsError } from './kps.errors.js';
import { fromKpsResponse, toKpsArgs } from './kps.mapping.js';

export const KPS_WSDL = join(wsdlDir, 'kps', 'KPSPublic.wsdl');

type SoapMethod = (args: unknown, cb: (err: unknown, result: unknown) => void, options: object) => void;

/** KPSPublic client (the production one): TCKimlikNoDogrula over SOAP 1.1 or 1.2, per KPS_SOAP_VERSION. */
export class KpsClient implements RegistryClient<KpsVerifyRequest, KpsVerifyResult> {
  private constructor(private readonly method: SoapMethod) {}

  static async open(config: Pick<KpsConfig, 'url' | 'soapVersion'>): Promise<KpsClient> {
    const soap12 = config.soapVersion === '1.2';
    const client: Client = await createSoapClient({ wsdlPath: KPS_WSDL, endpoint: config.url, soap12 });
    const port = (client as unknown as Record<string, Record<string, Record<string, SoapMethod>>>)['KPSPublic']![soap12 ? 'KPSPublicSoap12' : 'KPSPublicSoap']!;
    return new KpsClient(port['TCKimlikNoDogrula']!);
  }

  call(request: KpsVerifyRequest, signal: AbortSignal): Promise<KpsVerifyResult> {
    return new Promise((resolve, reject) => {
      this.method(
        toKpsArgs(request),
        (err, result) => {
          if (err) return reject(kpsError(err, signal));
          try {
            resolve(fromKpsResponse(request.tckn, result));
          } catch (e) {
            reject(e);
          }
        },
        { signal },
      );
    });
  }
}
