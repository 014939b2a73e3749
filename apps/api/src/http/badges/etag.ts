import { createHash } from 'node:crypto';

/** A strong ETag: the same bytes always get the same tag, on every node. */
export function strongEtag(body: Buffer | string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * Whether `If-None-Match` names `etag` (RFC 9110 §13.1.2): `*`, or any listed tag compared
 * weakly, because caches may hand back a tag they weakened.
 */
export function matchesIfNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const values = Array.isArray(header) ? header : [header];
  const bare = etag.replace(/^W\//, '');
  return values.some((value) =>
    value.split(',').some((tag) => {
      const trimmed = tag.trim();
      return trimmed === '*' || trimmed.replace(/^W\//, '') === bare;
    }),
  );
}
