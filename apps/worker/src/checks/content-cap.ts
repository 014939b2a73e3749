// Text copied from a response into a beat's msg: Kuma's keyword snippet is 50 characters, and
// 100 holds any status word, version or id a json-query compares, while a query such as
// `$string($)` can no longer copy a whole document into the beat history, the event list and
// every notification (docs/protocol/monitoring.md#monitor-types).
export const MAX_CONTENT_CHARS = 100;

/** `text` cut to MAX_CONTENT_CHARS, its last three characters `...` when cut. */
export function capContent(text: string): string {
  return text.length > MAX_CONTENT_CHARS ? `${text.slice(0, MAX_CONTENT_CHARS - 3)}...` : text;
}
