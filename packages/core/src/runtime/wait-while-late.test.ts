import { describe, expect, it } from 'vitest';
import { StartupError } from '../errors/startup-error.js';
import { waitWhileLate } from './wait-while-late.js';

function recordingLogger() {
  const lines: { reason: string; msg: string }[] = [];
  return {
    lines,
    logger: { warn: (obj: { reason: string }, msg: string) => lines.push({ ...obj, msg }) },
  };
}

describe('waitWhileLate', () => {
  it('retries a late dependency until it answers, saying what it waits for', async () => {
    const { lines, logger } = recordingLogger();
    let attempts = 0;
    const value = await waitWhileLate(
      async () => {
        attempts++;
        if (attempts < 3) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        return 'open';
      },
      { logger, waitingFor: 'waiting for database schema 0017', retryMs: 0, reportEveryMs: 0 },
    );
    expect(value).toBe('open');
    expect(attempts).toBe(3);
    expect(lines).toEqual([
      { msg: 'waiting for database schema 0017', reason: 'connect ECONNREFUSED 127.0.0.1:5432' },
      { msg: 'waiting for database schema 0017', reason: 'connect ECONNREFUSED 127.0.0.1:5432' },
    ]);
  });

  it('logs the wait once per report period, not once per attempt', async () => {
    const { lines, logger } = recordingLogger();
    let attempts = 0;
    await waitWhileLate(
      async () => {
        if (++attempts < 5) throw new Error('not yet');
      },
      { logger, waitingFor: 'waiting', retryMs: 0, reportEveryMs: 60_000 },
    );
    expect(lines).toHaveLength(1);
  });

  it('gives up at once on a problem the operator must fix', async () => {
    const { logger } = recordingLogger();
    let attempts = 0;
    await expect(
      waitWhileLate(
        async () => {
          attempts++;
          throw new StartupError('The database schema is newer than this build.');
        },
        { logger, waitingFor: 'waiting', retryMs: 0 },
      ),
    ).rejects.toThrow('newer than this build');
    expect(attempts).toBe(1);
  });

  it('names the first cause of an aggregate connection error', async () => {
    const { lines, logger } = recordingLogger();
    let attempts = 0;
    await waitWhileLate(
      async () => {
        if (++attempts === 1)
          throw new AggregateError([new Error('connect ECONNREFUSED ::1:5432')]);
      },
      { logger, waitingFor: 'waiting', retryMs: 0 },
    );
    expect(lines[0]?.reason).toBe('connect ECONNREFUSED ::1:5432');
  });
});
