import { createSocket, type RemoteInfo } from 'node:dgram';
import { once } from 'node:events';
import { isIPv6 } from 'node:net';

/** One answer record, in the shape the test writes it; encoded by hand below (RFC 1035). */
export type DnsTestRecord =
  | { type: 'A' | 'AAAA'; address: string }
  | { type: 'CNAME' | 'NS' | 'PTR'; value: string }
  | { type: 'MX'; priority: number; exchange: string }
  | { type: 'TXT'; chunks: string[] }
  | { type: 'SRV'; priority: number; weight: number; port: number; target: string }
  | { type: 'CAA'; critical: number; tag: string; value: string }
  | {
      type: 'SOA';
      nsname: string;
      hostmaster: string;
      serial: number;
      refresh: number;
      retry: number;
      expire: number;
      minttl: number;
    };

export interface DnsTestServer {
  port: number;
  /** `host:port` as a monitor's `dns_resolve_server` would name it. */
  address: string;
  /** Questions received so far, as `name TYPE`. */
  questions: string[];
  close(): Promise<void>;
}

const TYPE_CODES = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  PTR: 12,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  SRV: 33,
  CAA: 257,
} as const;
const TYPE_NAMES = new Map<number, string>(
  Object.entries(TYPE_CODES).map(([name, code]) => [code, name]),
);

const NXDOMAIN = 3;

/**
 * A tiny authoritative UDP DNS server on 127.0.0.1, port 0, for tests (checks, domain verification). Names in `zone`
 * answer with their records of the asked type (none → NODATA); other names get NXDOMAIN.
 * With `silent`, it never answers, like a resolver behind a dropping firewall.
 */
export async function startDnsTestServer(
  zone: Record<string, DnsTestRecord[]>,
  options: { silent?: boolean } = {},
): Promise<DnsTestServer> {
  const socket = createSocket('udp4');
  const questions: string[] = [];
  socket.on('message', (query: Buffer, peer: RemoteInfo) => {
    const question = parseQuestion(query);
    if (!question) return;
    questions.push(`${question.name} ${TYPE_NAMES.get(question.type) ?? question.type}`);
    if (options.silent) return;
    const known = zone[question.name];
    const answers = (known ?? []).filter((r) => TYPE_CODES[r.type] === question.type);
    socket.send(
      encodeResponse(query, question.end, known ? 0 : NXDOMAIN, answers),
      peer.port,
      peer.address,
    );
  });
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  const { port } = socket.address();
  return {
    port,
    address: `127.0.0.1:${port}`,
    questions,
    async close() {
      socket.close();
      await once(socket, 'close');
    },
  };
}

function parseQuestion(query: Buffer): { name: string; type: number; end: number } | null {
  const labels: string[] = [];
  let offset = 12;
  while (offset < query.length) {
    const length = query.readUInt8(offset);
    offset += 1;
    if (length === 0) break;
    labels.push(query.toString('latin1', offset, offset + length));
    offset += length;
  }
  if (offset + 4 > query.length) return null;
  return {
    name: labels.join('.').toLowerCase(),
    type: query.readUInt16BE(offset),
    end: offset + 4,
  };
}

function encodeResponse(
  query: Buffer,
  questionEnd: number,
  rcode: number,
  answers: DnsTestRecord[],
): Buffer {
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2); // the id
  // QR + opcode 0 + AA + RD copied + RA, then the rcode.
  header.writeUInt16BE(0x8400 | (query.readUInt16BE(2) & 0x0100) | 0x0080 | rcode, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);
  const records = answers.map((record) => {
    const rdata = encodeRdata(record);
    const fixed = Buffer.alloc(12);
    fixed.writeUInt16BE(0xc00c, 0); // a pointer to the question's name
    fixed.writeUInt16BE(TYPE_CODES[record.type], 2);
    fixed.writeUInt16BE(1, 4); // class IN
    fixed.writeUInt32BE(60, 6);
    fixed.writeUInt16BE(rdata.length, 10);
    return Buffer.concat([fixed, rdata]);
  });
  return Buffer.concat([header, query.subarray(12, questionEnd), ...records]);
}

function encodeRdata(record: DnsTestRecord): Buffer {
  switch (record.type) {
    case 'A':
      return Buffer.from(record.address.split('.').map(Number));
    case 'AAAA':
      return encodeIPv6(record.address);
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return encodeName(record.value);
    case 'MX':
      return Buffer.concat([u16(record.priority), encodeName(record.exchange)]);
    case 'TXT':
      return Buffer.concat(record.chunks.map((c) => characterString(c)));
    case 'SRV':
      return Buffer.concat([
        u16(record.priority),
        u16(record.weight),
        u16(record.port),
        encodeName(record.target),
      ]);
    case 'CAA':
      return Buffer.concat([
        Buffer.from([record.critical]),
        characterString(record.tag),
        Buffer.from(record.value),
      ]);
    case 'SOA': {
      const numbers = Buffer.alloc(20);
      [record.serial, record.refresh, record.retry, record.expire, record.minttl].forEach((n, i) =>
        numbers.writeUInt32BE(n, i * 4),
      );
      return Buffer.concat([encodeName(record.nsname), encodeName(record.hostmaster), numbers]);
    }
    default: {
      const unreachable: never = record;
      throw new Error(`cannot encode ${JSON.stringify(unreachable)}`);
    }
  }
}

function encodeName(name: string): Buffer {
  const labels = name.split('.').filter((l) => l !== '');
  return Buffer.concat([...labels.map((l) => characterString(l)), Buffer.from([0])]);
}

function characterString(value: string): Buffer {
  const bytes = Buffer.from(value);
  return Buffer.concat([Buffer.from([bytes.length]), bytes]);
}

function u16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
}

function encodeIPv6(address: string): Buffer {
  if (!isIPv6(address)) throw new Error(`not an IPv6 address: ${address}`);
  const [head = '', tail = ''] = address.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const zeros = Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  const groups = address.includes('::') ? [...headGroups, ...zeros, ...tailGroups] : headGroups;
  return Buffer.concat(groups.map((g) => u16(parseInt(g, 16))));
}
