// Chaos suite: the distributed roles as processes on a Postgres and a Redis of their own,
// HTTP checks on loopback, and one fault after another. Prints one table.
//
//   npm run chaos [-- --monitors 20 --interval 2 --observe 12 --postgres-down 30]
//
// fault | lost | duplicates | alerts lost | alerts twice | longest gap | recovery s | fresh clients s
//   lost: beats a client was told of that Postgres does not hold (must be 0)
//   duplicates: two beats of one monitor within half an interval (must be 0)
//   alerts lost / twice: webhook alerts (of monitors on a flapping target) that never
//     arrived (must be 0) / arrived more than once
//   longest gap: the longest pause between two beats of any monitor, in intervals
//   recovery s: until every monitor beats on schedule again
//   fresh clients s: until every Socket.IO client has received a beat again
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FAULTS, runChaos } from '../test/support/chaos/chaos-run.js';
import { formatFiguresTable } from '../test/support/chaos/fault-figures.js';

const { values } = parseArgs({
  options: {
    monitors: { type: 'string', default: '20' },
    'alerting-monitors': { type: 'string', default: '2' },
    interval: { type: 'string', default: '2' },
    observe: { type: 'string', default: '12' },
    'postgres-down': { type: 'string', default: '30' },
    'check-delay-ms': { type: 'string', default: '500' },
  },
});

execFileSync('npm', ['run', '-s', 'build'], {
  cwd: fileURLToPath(new URL('../', import.meta.url)),
  stdio: 'inherit',
});
const started = Date.now();
const result = await runChaos({
  faults: FAULTS,
  monitors: Number(values.monitors),
  alertingMonitors: Number(values['alerting-monitors']),
  intervalSeconds: Number(values.interval),
  checkDelayMs: Number(values['check-delay-ms']),
  observeMs: Number(values.observe) * 1000,
  postgresDownMs: Number(values['postgres-down']) * 1000,
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`${formatFiguresTable(result.figures)}\n`);
process.stdout.write(
  `monitors ${values.monitors} at ${values.interval} s, checks answering after ${values['check-delay-ms']} ms; ` +
    `SIGTERM exit codes ${JSON.stringify(result.sigtermExitCodes)}; ${Math.round((Date.now() - started) / 1000)} s\n`,
);
