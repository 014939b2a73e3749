import * as msgpack from 'notepack.io';
import { describe, expect, it } from 'vitest';
import { redisBroadcastParser } from './redis-broadcast-parser.js';

// What the Socket.IO Redis adapter publishes: [node uid, packet, broadcast options].
const broadcast = [
  'node-a',
  { type: 2, nsp: '/', data: ['monitorList', { 7: { id: 7, name: 'Shop', tags: [] } }] },
  { rooms: ['tenant:1'], except: [], flags: {} },
];

describe('redisBroadcastParser', () => {
  it('encodes a broadcast as JSON, which Redis hands back as bytes', () => {
    const encoded = redisBroadcastParser.encode(broadcast);
    expect(typeof encoded).toBe('string');
    expect(redisBroadcastParser.decode(Buffer.from(encoded as string))).toEqual(broadcast);
    expect(redisBroadcastParser.decode(encoded)).toEqual(broadcast);
  });

  it('reads msgpack from a node that still encodes with the default parser', () => {
    expect(redisBroadcastParser.decode(msgpack.encode(broadcast))).toEqual(broadcast);
    const request = { type: 6, uid: 'node-b', data: ['x'] };
    expect(redisBroadcastParser.decode(msgpack.encode(request))).toEqual(request);
  });

  it('keeps bytes as bytes: a payload with a Buffer goes as msgpack', () => {
    const withBytes = ['node-a', { type: 2, nsp: '/', data: ['logo', Buffer.from([1, 2, 3])] }, {}];
    const encoded = redisBroadcastParser.encode(withBytes);
    expect(Buffer.isBuffer(encoded)).toBe(true);
    const [, packet] = redisBroadcastParser.decode(encoded as Buffer) as [
      string,
      { data: [string, Uint8Array] },
    ];
    expect(Buffer.from(packet.data[1])).toEqual(Buffer.from([1, 2, 3]));
  });
});
