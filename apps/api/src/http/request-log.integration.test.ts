import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryChangeBus } from '@watchpost/core/changes';
import { createTestDatabase, type TestDatabase } from '@watchpost/core/testing';
import { parseApiConfig } from '../config.js';
import { startApi, type RunningApi } from '../start-api.js';

let database: TestDatabase;
let api: RunningApi;
const lines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
  api = await startApi({
    db: database.db,
    changeBus: createMemoryChangeBus(),
    logger,
    config: parseApiConfig({ PORT: '0', HOST: '127.0.0.1' }, 'embedded'),
  });
});
afterAll(async () => {
  await api?.close();
  await database?.drop();
});

describe('the request log', () => {
  it('records requests without the push token in their URL', async () => {
    await fetch(`http://127.0.0.1:${api.port}/api/push/TopSecretToken42?status=up&msg=OK`);
    const requests = lines.filter((l) => l.includes('incoming request'));
    expect(requests.join('')).toContain('/api/push/<redacted>?status=up&msg=OK');
    expect(lines.join('')).not.toContain('TopSecretToken42');
  });
});
