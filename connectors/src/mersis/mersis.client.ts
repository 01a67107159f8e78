import { join } from 'node:path';
import { wsdlDir, type MersisCompanyRequest, type MersisCompanyResult } from '@tareks/schemas';
import type { RegistryClient } from '../shared/connector.js';
import { createSoapClient } from '../shared/soap-client.js';
import type { MersisConfig } from './mersis.config.js';
import { mersisError } from './mersis.errors.js';
import { fromMersisResponse, toMersisArgs } from './mersis.mapping.js';

export const MERSIS_WSDL = join(wsdlDir, 'mersis', 'MersisFirma.wsdl');

type SoapMethod = (args: unknown, cb: (err: unknown, result: unknown) => void, options: object) => void;

/** MERSİS client: FirmaSorgula (company by VKN or MERSİS number) over SOAP 1.1. */
export class MersisClient implements RegistryClient<MersisCompanyRequest, MersisCompanyResult> {
  private constructor(private readonly method: SoapMethod) {}

  static async open(config: Pick<MersisConfig, 'url'>): Promise<MersisClient> {
    const client = await createSoapClient({ wsdlPath: MERSIS_WSDL, endpoint: config.url });
    const port = (client as unknown as Record<string, Record<string, Record<string, SoapMethod>>>)['MersisFirma']!['MersisFirmaSoap']!;
    return new MersisClient(port['FirmaSorgula']!);
  }

  call(request: MersisCompanyRequest, signal: AbortSignal): Promise<MersisCompanyResult> {
    return new Promise((resolve, reject) => {
      this.method(
        toMersisArgs(request),
        (err, result) => {
          if (err) return reject(mersisError(err, signal));
          try {
            resolve(fromMersisResponse(result));
          } catch (e) {
            reject(e);
          }
        },
        { signal },
      );
    });
  }
}
