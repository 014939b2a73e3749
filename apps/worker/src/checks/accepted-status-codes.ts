/**
 * Kuma stores accepted codes as strings: a single code ("404") or an inclusive range
 * ("200-299"). Malformed entries accept nothing instead of failing the whole check, because
 * they come from user input that older Kuma versions never validated.
 */
export function isStatusCodeAccepted(code: number, accepted: readonly string[]): boolean {
  return accepted.some((entry) => {
    const bounds = entry.split('-').map((part) => Number.parseInt(part.trim(), 10));
    const [low, high] = bounds;
    if (low === undefined || Number.isNaN(low)) return false;
    if (bounds.length === 1) return code === low;
    if (bounds.length === 2 && high !== undefined && !Number.isNaN(high)) {
      return code >= low && code <= high;
    }
    return false;
  });
}
