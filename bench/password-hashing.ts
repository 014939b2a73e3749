// How much password checks hold up an API node's event loop:
//
//   npm run bench:password -- --logins 40
//
// Runs `verifyPassword` for N logins at once (what a burst of login attempts does) while a
// 1 ms timer keeps ticking, and prints the logins per second and the event loop's delay
// percentiles. The hash runs on libuv's thread pool, so the delay stays near the timer's own
// jitter however many logins are in flight.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { hashPassword, verifyPassword } from '@watchpost/core/auth';

const { values } = parseArgs({ options: { logins: { type: 'string', default: '40' } } });
const logins = Number(values.logins);

const hash = await hashPassword('Secret123');
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const started = performance.now();
const results = await Promise.all(
  Array.from({ length: logins }, () => verifyPassword('Secret123', hash)),
);
const elapsedMs = performance.now() - started;
delay.disable();

if (!results.every(Boolean)) throw new Error('a password did not verify');
const ms = (ns: number) => (ns / 1e6).toFixed(1);
console.log(`${logins} logins checked at once in ${elapsedMs.toFixed(0)} ms`);
console.log(`  ${((logins * 1000) / elapsedMs).toFixed(1)} checks/s`);
console.log(
  `  event loop delay: p50 ${ms(delay.percentile(50))} ms, p99 ${ms(delay.percentile(99))} ms, max ${ms(delay.max)} ms`,
);
