import { describe, expect, it } from 'vitest';
import { cronMatchesDay, cronMinutesOfDay, parseCron } from './cron-expression.js';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('parseCron', () => {
  it('expands lists, ranges and steps', () => {
    const cron = parseCron('0,30 9-11 */10 1-6/2 1-5');
    expect([...cron.minutes]).toEqual([0, 30]);
    expect([...cron.hours]).toEqual([9, 10, 11]);
    expect([...cron.daysOfMonth]).toEqual([1, 11, 21, 31]);
    expect([...cron.months]).toEqual([1, 3, 5]);
    expect([...cron.weekdays]).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads a start with a step as running to the end of the field', () => {
    expect([...parseCron('5/20 * * * *').minutes]).toEqual([5, 25, 45]);
  });

  it('treats 7 as Sunday', () => {
    expect([...parseCron('0 0 * * 7').weekdays]).toEqual([0]);
  });

  it.each([
    ['* * * *', /5 fields/],
    ['60 * * * *', /minute/],
    ['* 24 * * *', /hour/],
    ['* * 0 * *', /day of month/],
    ['* * * 13 *', /month/],
    ['* * * * MON', /day of week/],
    ['*/0 * * * *', /minute/],
    ['5-1 * * * *', /minute/],
  ])('refuses "%s"', (text, message) => {
    expect(() => parseCron(text)).toThrow(message);
  });
});

describe('cronMatchesDay', () => {
  it('matches a weekday list', () => {
    const cron = parseCron('0 3 * * 1,3');
    expect(cronMatchesDay(cron, day('2024-01-01'))).toBe(true); // Monday
    expect(cronMatchesDay(cron, day('2024-01-02'))).toBe(false);
    expect(cronMatchesDay(cron, day('2024-01-03'))).toBe(true);
  });

  it('matches L as the last day of each month, leap years included', () => {
    const cron = parseCron('0 0 L * *');
    expect(cronMatchesDay(cron, day('2024-02-29'))).toBe(true);
    expect(cronMatchesDay(cron, day('2023-02-28'))).toBe(true);
    expect(cronMatchesDay(cron, day('2024-02-28'))).toBe(false);
    expect(cronMatchesDay(cron, day('2024-04-30'))).toBe(true);
  });

  it('matches either day field when both are restricted, as cron does', () => {
    const cron = parseCron('0 0 13 * 5');
    expect(cronMatchesDay(cron, day('2024-02-13'))).toBe(true); // a Tuesday the 13th
    expect(cronMatchesDay(cron, day('2024-02-16'))).toBe(true); // a Friday
    expect(cronMatchesDay(cron, day('2024-02-15'))).toBe(false);
  });

  it('honours the month field', () => {
    expect(cronMatchesDay(parseCron('0 0 * 3 *'), day('2024-02-10'))).toBe(false);
  });
});

describe('cronMinutesOfDay', () => {
  it('lists the matching minutes of a day in order', () => {
    expect(cronMinutesOfDay(parseCron('30,0 22,1 * * *'))).toEqual([60, 90, 1320, 1350]);
  });
});
