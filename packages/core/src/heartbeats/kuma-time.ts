/** docs/protocol/transport.md#conventions `DATETIME_MS`: `YYYY-MM-DD HH:mm:ss.SSS`, UTC, no `T`, no zone. */
export function formatDateTimeMs(d: Date): string {
  return `${formatDateTime(d)}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** docs/protocol/transport.md#conventions `DATETIME`: `YYYY-MM-DD HH:mm:ss`, UTC, no `T`, no zone. */
export function formatDateTime(d: Date): string {
  // An Invalid Date would otherwise come out as "NaN-NaN-NaN …" and reach the wire.
  if (Number.isNaN(d.getTime())) throw new RangeError('Invalid Date');
  const date = [pad(d.getUTCFullYear(), 4), pad(d.getUTCMonth() + 1, 2), pad(d.getUTCDate(), 2)];
  const time = [pad(d.getUTCHours(), 2), pad(d.getUTCMinutes(), 2), pad(d.getUTCSeconds(), 2)];
  return `${date.join('-')} ${time.join(':')}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
