import { describe, expect, it } from 'vitest';
import { buildBackup, mapLimited, summariseBackup } from './backup-file.js';

describe('backup files', () => {
  it('counts what an export holds', () => {
    const text = buildBackup('1.23.16', [{ id: 1 }], [], [{ id: 1 }, { id: 2 }]);
    expect(summariseBackup(text)).toEqual({
      version: '1.23.16',
      monitors: 2,
      notifications: 1,
      proxies: 0,
    });
  });

  it('refuses text that is not JSON, and JSON that is not an export', () => {
    expect(() => summariseBackup('{')).toThrow('not-json');
    expect(() => summariseBackup('{"version": "1.23.0"}')).toThrow('not-backup');
    expect(() => summariseBackup('null')).toThrow('not-backup');
  });

  it('maps with a bounded number of tasks at once, keeping the order', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    const results = await mapLimited(
      [1, 2, 3, 4, 5],
      2,
      async (n) => {
        running++;
        most = Math.max(most, running);
        await Promise.resolve();
        running--;
        return n * 10;
      },
      (done) => seen.push(done),
    );
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(most).toBe(2);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });
});
