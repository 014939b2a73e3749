// Compact UTC dates for the page's tooltips: a page carries a thousand of them, and within a
// 90-day view the month and day say enough.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Dec 7`. */
export function shortDay(time: Date): string {
  return `${MONTHS[time.getUTCMonth()]} ${time.getUTCDate()}`;
}

/** `18:17:27`. */
export function timeOfDay(time: Date): string {
  return time.toISOString().slice(11, 19);
}
