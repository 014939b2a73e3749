import * as msgpack from 'notepack.io';

/**
 * How room broadcasts are encoded on their way through Redis, by the API nodes' Socket.IO
 * adapter and the workers' emitters alike (they must agree).
 *
 * Their default, msgpack (notepack.io), spends about ten times JSON's CPU on a large
 * payload: a 5,000-monitor `monitorList` takes ~165 ms to encode and ~90 ms to decode
 * against ~17 ms and ~30 ms as JSON, and every login sends that list to its tenant's room.
 * Watchpost's pushes are JSON to begin with (Socket.IO sends them to clients as JSON), so
 * nothing is lost: a payload holding a Buffer, the one thing JSON cannot carry, still goes
 * as msgpack. Decoding reads both, so a node still encoding msgpack during a rolling
 * upgrade is understood.
 */
export const redisBroadcastParser = {
  encode(value: unknown): string | Buffer {
    const json = JSON.stringify(value);
    // Buffer#toJSON's shape: the payload carries bytes, which only msgpack keeps as bytes.
    return json.includes('"type":"Buffer","data":[') ? msgpack.encode(value) : json;
  },
  decode(message: Buffer | string): unknown {
    if (typeof message === 'string') return JSON.parse(message);
    // An adapter message is always an array or an object: `[` or `{` is JSON, since a
    // msgpack array or map starts with another byte.
    return message[0] === 0x5b || message[0] === 0x7b
      ? JSON.parse(message.toString('utf8'))
      : msgpack.decode(message);
  },
};
