// The Node check target, for machines without nginx: answers 200 and writes nginx's
// `$msec $request_uri $status` line per request to the log file given as argument, flushed
// every second. Prints its port on stdout once listening.
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const logFile = process.argv[2];
if (!logFile) throw new Error('usage: logging-target.ts <access log file>');
let pending: string[] = [];
const flush = () => {
  if (pending.length === 0) return;
  appendFileSync(logFile, pending.join(''));
  pending = [];
};
setInterval(flush, 1000).unref();

const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('OK\n');
  pending.push(`${(Date.now() / 1000).toFixed(3)} ${req.url} 200\n`);
});
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => {
  flush();
  process.exit(0);
});
