import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Every reference from code to the project's documentation must lead somewhere: a file under
// docs/, a heading in it, or a numbered rule of docs/architecture.md.
const root = new URL('..', import.meta.url);
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'data', 'coverage']);
const SOURCE_FILE = /\.(ts|tsx|js|mjs|sql|md|yml|yaml|conf)$|^Dockerfile$/;

/** The project's own text files: code, SQL, docs and deployment files. */
function projectFiles(dir = ''): string[] {
  return readdirSync(new URL(dir || '.', root), { withFileTypes: true }).flatMap((entry) => {
    const path = dir + entry.name;
    if (entry.isDirectory()) {
      const skipped = entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name);
      return skipped ? [] : projectFiles(`${path}/`);
    }
    return SOURCE_FILE.test(entry.name) ? [path] : [];
  });
}
const files = projectFiles();

function read(path: string): string {
  return readFileSync(new URL(path, root), 'utf8');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- _]/gu, '')
    .replace(/ /g, '-');
}

const anchorsByDoc = new Map<string, Set<string>>();
function anchorsOf(doc: string): Set<string> {
  let anchors = anchorsByDoc.get(doc);
  if (!anchors) {
    anchors = new Set();
    const seen = new Map<string, number>();
    for (const [, heading] of read(doc).matchAll(/^#{1,6}\s+(.+)$/gm)) {
      const base = anchorOf(heading ?? '');
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    anchorsByDoc.set(doc, anchors);
  }
  return anchors;
}

function architectureRules(): Set<number> {
  const numbers = [...read('docs/architecture.md').matchAll(/^(\d+)\. \*\*/gm)];
  return new Set(numbers.map(([, n]) => Number(n)));
}

interface Reference {
  file: string;
  line: number;
  text: string;
}

function findReferences(pattern: RegExp): Reference[] {
  const found: Reference[] = [];
  for (const file of files) {
    read(file)
      .split('\n')
      .forEach((text, index) => {
        for (const match of text.matchAll(pattern)) {
          found.push({ file, line: index + 1, text: match[0] });
        }
      });
  }
  return found;
}

describe('references to the documentation', () => {
  it('lead to a file under docs/ and to a heading that exists in it', () => {
    const broken = findReferences(/\bdocs\/[\w/.-]+\.md(?:#[\w-]+)?/g).filter(({ text }) => {
      const [doc = '', anchor] = text.split('#');
      if (!existsSync(new URL(doc, root))) return true;
      return anchor !== undefined && !anchorsOf(doc).has(anchor);
    });
    expect(broken).toEqual([]);
  });

  it('name architecture rules that docs/architecture.md numbers', () => {
    const rules = architectureRules();
    expect(rules.size).toBeGreaterThan(0);
    const broken = findReferences(/\barchitecture rules? (\d+)/gi).filter(
      ({ text }) => !rules.has(Number(/\d+/.exec(text)?.[0])),
    );
    expect(broken).toEqual([]);
  });

  it('never cite documents that are not in the repository', () => {
    const outside = findReferences(/\b(?:spec|notification-providers(?:\.md)?) §|\bDESIGN[ ]rule/g);
    expect(outside).toEqual([]);
  });
});
