import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { connectorList } from '../src/connectors.js';
import { ConfigError, readConfig, withConfigTable } from '../src/shared/config-spec.js';
import { kpsConfigSpec } from '../src/kps/kps.config.js';

describe('connector config specs', () => {
  it('every connector README carries the table generated from its spec (npm run readme -w @tareks/connectors)', () => {
    for (const def of connectorList()) {
      const readme = readFileSync(new URL(`../src/${def.registry}/README.md`, import.meta.url), 'utf8');
      expect(withConfigTable(readme, def.spec), def.registry).toBe(readme);
    }
  });

  it('every field has an env var with the connector prefix, a description and a default', () => {
    for (const def of connectorList()) {
      for (const f of Object.values(def.spec)) {
        expect(f.env.startsWith(`${def.errorPrefix}_`)).toBe(true);
        expect(f.description.length).toBeGreaterThan(10);
        expect(f.default).toBeDefined();
      }
    }
  });

  it('reads env over defaults and refuses bad values with a coded error', () => {
    expect(readConfig(kpsConfigSpec, {})).toMatchObject({ soapVersion: '1.1', retries: 2 });
    expect(readConfig(kpsConfigSpec, { KPS_SOAP_VERSION: '1.2', KPS_RETRIES: '0' })).toMatchObject({ soapVersion: '1.2', retries: 0 });
    expect(() => readConfig(kpsConfigSpec, { KPS_SOAP_VERSION: '2' })).toThrow(ConfigError);
    expect(() => readConfig(kpsConfigSpec, { KPS_TIMEOUT_MS: 'soon' })).toThrow(/KPS_TIMEOUT_MS/);
  });
});
