import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';

describe('settings', () => {
  it('treats an empty value as not set', () => {
    expect(loadConfig({ PORT: '', WORKERS: '' })).toMatchObject({ PORT: 3000, WORKERS: 1 });
  });

  it('runs several workers only on a PostgreSQL server', () => {
    expect(() => loadConfig({ WORKERS: '2' })).toThrow(/WORKERS: more than 1 needs DATABASE_URL/);
    expect(loadConfig({ WORKERS: '2', DATABASE_URL: 'postgres://db/vaora' }).WORKERS).toBe(2);
  });

  it('names each invalid setting', () => {
    const both = () => loadConfig({ WORKERS: '0', PORT: 'x' });
    expect(both).toThrow(/ {2}PORT: /);
    expect(both).toThrow(/ {2}WORKERS: /);
    expect(() => loadConfig({ SMS_SENDER: 'webhook' })).toThrow(/SMS_WEBHOOK_URL/);
  });
});
