import { describe, expect, it } from 'vitest';
import { HANDLERS } from '../realtime/register-socket-handlers.js';
import { WALKED_SECTIONS, WATCHPOST_EXTRAS } from './walked-sections.js';

// The walk must keep up with the server: an event the server answers without a conformance
// step fails here, and so does a step for an event the server does not answer.

const walked = new Set(WALKED_SECTIONS.flatMap((steps) => steps().map((step) => step.event)));
const registered = new Set(HANDLERS.map((handler) => handler.event));
const sorted = (events: Iterable<string>) => [...events].sort();
const kuma = (events: Set<string>) => sorted([...events].filter((e) => !WATCHPOST_EXTRAS.has(e)));

describe('conformance walk coverage', () => {
  it('walks the same Kuma events the server registers, Watchpost’s extras aside', () => {
    expect(kuma(walked)).toEqual(kuma(registered));
  });

  it('walks every Watchpost extra too', () => {
    for (const event of WATCHPOST_EXTRAS) expect(walked).toContain(event);
  });
});
