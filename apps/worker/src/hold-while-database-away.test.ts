import { describe, expect, it } from 'vitest';
import { holdWhileDatabaseAway } from './hold-while-database-away.js';

const refused = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

function recorder() {
  const seen: string[] = [];
  return { seen, onHold: () => seen.push('hold'), onDrop: () => seen.push('drop') };
}

describe('holdWhileDatabaseAway', () => {
  it('holds a write while the database is away and writes it once it returns', async () => {
    const events = recorder();
    let attempts = 0;
    const result = await holdWhileDatabaseAway(
      async () => {
        if (++attempts < 4) throw refused();
        return 'written';
      },
      { holdMs: 60_000, retryMs: 0, ...events },
    );
    expect(result).toBe('written');
    expect(attempts).toBe(4);
    expect(events.seen).toEqual(['hold']);
  });

  it('drops the write, saying so, once the database has been away too long', async () => {
    const events = recorder();
    let clock = 0;
    await expect(
      holdWhileDatabaseAway(
        async () => {
          clock += 1_000;
          throw refused();
        },
        { holdMs: 5_000, retryMs: 0, now: () => clock, ...events },
      ),
    ).rejects.toThrow('ECONNREFUSED');
    expect(events.seen).toEqual(['hold', 'drop']);
  });

  it('does not retry a statement the database refused', async () => {
    const events = recorder();
    let attempts = 0;
    await expect(
      holdWhileDatabaseAway(
        async () => {
          attempts++;
          throw Object.assign(new Error('duplicate key'), { code: '23505' });
        },
        { holdMs: 60_000, retryMs: 0, ...events },
      ),
    ).rejects.toThrow('duplicate key');
    expect(attempts).toBe(1);
    expect(events.seen).toEqual([]);
  });
});
