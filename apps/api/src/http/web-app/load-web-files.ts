import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/** One built file, held in memory with its compressed forms. */
export interface WebFile {
  contentType: string;
  etag: string;
  raw: Buffer;
  gzip: Buffer;
  br: Buffer;
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

/**
 * Reads the whole build once, at start, and compresses each file once: the dashboard is a few
 * hundred kilobytes, so serving from memory costs no disk read and no compression per request.
 * Keys are URL paths (`/index.html`, `/assets/index-1a2b.js`). Null when `dir` holds no
 * index.html (the dashboard was not built).
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
      gzip: gzipSync(raw, { level: 9 }),
      br: brotliCompressSync(raw),
    });
  }
  return files;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
