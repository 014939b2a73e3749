/**
 * Kuma's beat times are UTC text without a zone (`"2023-05-01 17:22:20.289"`,
 * docs/protocol/monitors.md#heartbeatjson); the page shows them in the browser's zone.
 */
export function parseBeatTime(time: string): Date {
  return new Date(`${time.replace(' ', 'T')}Z`);
}

export function formatBeatTime(time: string): string {
  const date = parseBeatTime(time);
  return Number.isNaN(date.getTime()) ? time : date.toLocaleString();
}
