import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { BACKUP_NOT_TEXT_MSG, BACKUP_NUL_MSG, parseBackup } from './backup-schema.js';

const minimal = { version: '1.23.3', notificationList: [], monitorList: [] };

function refusal(input: unknown): string {
  try {
    parseBackup(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
  throw new Error('accepted');
}

describe('parseBackup', () => {
  it('accepts the minimal backup and defaults the optional proxy list', () => {
    expect(parseBackup(JSON.stringify(minimal))).toEqual({ ...minimal, proxyList: [] });
  });

  it('takes monitorList as the object the monitorList push carries, and tags as optional', () => {
    const backup = parseBackup(
      JSON.stringify({
        ...minimal,
        monitorList: { 3: { name: 'a' }, 5: { name: 'b', tags: null } },
      }),
    );
    expect(backup.monitorList).toEqual([
      { name: 'a', tags: [] },
      { name: 'b', tags: [] },
    ]);
  });

  it('refuses with a message that says what is wrong and where', () => {
    expect(refusal(42)).toBe(BACKUP_NOT_TEXT_MSG);
    expect(refusal('{"version"')).toMatch(/^The backup is not valid JSON: /);
    expect(refusal('null')).toBe('Invalid backup: The backup must be a JSON object.');
    expect(refusal(JSON.stringify({ ...minimal, monitorList: 'all' }))).toBe(
      'Invalid backup (at monitorList): monitorList must be a list of monitors',
    );
    expect(refusal(JSON.stringify({ ...minimal, version: 'next' }))).toMatch(/at version/);
    const badTag = { ...minimal, monitorList: [{ tags: [{ name: ' ', color: '#fff' }] }] };
    expect(refusal(JSON.stringify(badTag))).toBe(
      'Invalid backup (at monitorList.0.tags.0.name): a tag needs a name',
    );
    const badNotification = { ...minimal, notificationList: [{ id: 1, config: {} }] };
    expect(refusal(JSON.stringify(badNotification))).toMatch(/notificationList\.0\.config/);
  });

  it('refuses NUL characters hidden in escaped JSON text', () => {
    const text = JSON.stringify({ ...minimal, monitorList: [{ name: 'a\u0000b' }] });
    expect(text).toContain('\\u0000');
    expect(refusal(text)).toBe(BACKUP_NUL_MSG);
  });
});
