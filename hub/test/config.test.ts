import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, renderEnvExample } from '@tareks/hub';

describe('configuration', () => {
  it('fills every default from an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 8080, NATS_URL: 'nats://127.0.0.1:4222', REDIS_URL: 'redis://127.0.0.1:6379', TAREKS_NAMESPACE: 'tareks', TAREKS_ROLES: 'all' });
  });

  it('coerces numbers and booleans from text', () => {
    expect(loadConfig({ PORT: '9090', TAREKS_DEMO: 'true', DEMO_RATE: '2.5' })).toMatchObject({ PORT: 9090, TAREKS_DEMO: true, DEMO_RATE: 2.5 });
  });

  it('names every bad value with what it should be', () => {
    try {
      loadConfig({ PORT: 'eighty', NATS_URL: 'http://x', TAREKS_ROLES: 'api,cooking' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT="eighty": must be integer/m);
      expect(problems).toMatch(/^NATS_URL="http:\/\/x": must match/m);
      expect(problems).toMatch(/^TAREKS_ROLES="api,cooking"/m);
      expect((err as ConfigError).code).toBe('HUB_ERR_CONFIG');
    }
  });

  it('keeps .env.example in step with the schema (regenerate with npm run env:example)', () => {
    expect(readFileSync(new URL('../../.env.example', import.meta.url), 'utf8')).toBe(renderEnvExample());
  });
});
