/**
 * Compares two dotted version strings numerically per component ("1.10.0" > "1.9.9", which a
 * text comparison gets wrong). A pre-release or build suffix ("1.23.0-beta.1") is ignored and
 * missing components count as 0. Negative, zero or positive, like a sort comparator.
 */
export function compareVersions(a: string, b: string): number {
  const left = versionParts(a);
  const right = versionParts(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

/** Whether `version` looks like a version this module can compare ("1", "1.23.3", "v1.7"). */
export function isVersionText(version: string): boolean {
  return VERSION_PATTERN.test(version.trim());
}

const VERSION_PATTERN = /^v?(\d{1,9}(?:\.\d{1,9})*)/;

function versionParts(version: string): number[] {
  const match = VERSION_PATTERN.exec(version.trim());
  return match?.[1] ? match[1].split('.').map(Number) : [];
}
