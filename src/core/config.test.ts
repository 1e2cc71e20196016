import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults: SQLite under ./data, demo content on, Western digits', () => {
    const c = loadConfig({});
    expect(c.dialect).toBe('sqlite');
    expect(c.databaseUrl).toMatch(/data[\\/]wasl\.sqlite$/);
    expect(c.demoSeed).toBe(true);
    expect(c.digits).toBe('latn');
    expect(c.secureCookies).toBe(false);
  });

  it('selects PostgreSQL from DATABASE_URL and secure cookies from an https BASE_URL', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@127.0.0.1:5432/wasl',
      BASE_URL: 'https://wasl.example/',
      TRUST_PROXY: '127.0.0.1,10.0.0.0/8',
      DEMO_SEED: 'off',
    });
    expect(c.dialect).toBe('postgres');
    expect(c.secureCookies).toBe(true);
    expect(c.baseUrl).toBe('https://wasl.example');
    expect(c.trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(c.demoSeed).toBe(false);
  });

  it('stops with a message naming each bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DEMO_SEED: 'maybe' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', TRUST_PROXY: 'some proxy' });
    } catch (e) {
      expect(String((e as Error).message)).toMatch(/PORT/);
      expect(String((e as Error).message)).toMatch(/DATABASE_URL/);
      expect(String((e as Error).message)).toMatch(/TRUST_PROXY/);
    }
  });

  it('refuses to start in production without BASE_URL, naming it (it is printed on certificates and links)', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/BASE_URL: required when NODE_ENV=production/);
    expect(loadConfig({ NODE_ENV: 'production', BASE_URL: 'https://wasl.example.org' }).baseUrl).toBe(
      'https://wasl.example.org',
    );
    expect(loadConfig({ NODE_ENV: 'development' }).baseUrl).toBe('http://127.0.0.1:3000');
  });
});
