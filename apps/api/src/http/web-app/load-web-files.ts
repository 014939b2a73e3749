import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** One built file, held in memory; its compressed forms are made on first use. */
export interface WebFile {
  contentType: string;
  etag: string;
  raw: Buffer;
  /** The body for an Accept-Encoding, compressed once and kept. */
  encoded(encoding: 'br' | 'gzip'): Buffer;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// Brotli's top quality takes seconds on the bundle for a few per cent; this one takes tens of
// milliseconds, once per file and node.
const BROTLI_QUALITY = 6;

/**
 * Reads the whole build once, at start: the dashboard is a few hundred kilobytes, so serving
 * from memory costs no disk read per request, and each file is compressed once, when first
 * asked for (a node that never serves the dashboard never compresses it). Keys are URL paths
 * (`/index.html`, `/assets/index-1a2b.js`). Null when `dir` holds no index.html (the
 * dashboard was not built).
 */
export function loadWebFiles(dir: string): Map<string, WebFile> | null {
  if (!existsSync(join(dir, 'index.html'))) return null;
  const files = new Map<string, WebFile>();
  for (const path of listFiles(dir)) {
    const raw = readFileSync(path);
    const urlPath = `/${relative(dir, path).split(sep).join('/')}`;
    files.set(urlPath, {
      contentType: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`,
      raw,
      encoded: memoByEncoding(raw),
    });
  }
  return files;
}

function memoByEncoding(raw: Buffer): WebFile['encoded'] {
  const cache = new Map<'br' | 'gzip', Buffer>();
  return (encoding) => {
    let body = cache.get(encoding);
    if (!body) {
      body =
        encoding === 'br'
          ? brotliCompressSync(raw, {
              params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY },
            })
          : gzipSync(raw, { level: 9 });
      cache.set(encoding, body);
    }
    return body;
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
