// notepack.io ships no types; these are the two functions Watchpost calls.
declare module 'notepack.io' {
  export function encode(value: unknown): Buffer;
  export function decode(buffer: Buffer): unknown;
}
