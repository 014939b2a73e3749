import { WebSocket, WebSocketServer, type ServerOptions } from 'ws';

/**
 * A WebSocket that deflates only messages of at least `threshold` bytes
 * (docs/protocol/transport.md#compression). ws applies its `threshold` option only when the
 * compression context is dropped after each message; with the context kept, as here, it
 * deflates every message, and each one waits for a round trip through libuv's thread pool
 * before the next can leave. A login burst's thousands of small statistics pushes then queue
 * for seconds behind each other. Sending small messages plain is allowed with the context
 * kept (RFC 7692 lets each message choose) and leaves the context of the large ones intact.
 */
function deflatingAtLeast(threshold: number) {
  return class ThresholdWebSocket extends WebSocket {
    override send(data: unknown, options?: unknown, cb?: (err?: Error) => void): void {
      const callback = typeof options === 'function' ? options : cb;
      const given = typeof options === 'object' && options !== null ? options : {};
      const bytes = typeof data === 'string' ? Buffer.byteLength(data) : byteLengthOf(data);
      const compress = bytes >= threshold && (given as { compress?: boolean }).compress !== false;
      super.send(data as Buffer, { ...given, compress }, callback as (err?: Error) => void);
    }
  };
}

function byteLengthOf(data: unknown): number {
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (data instanceof ArrayBuffer) return data.byteLength;
  // Anything else (a Blob, an array of buffers) is left to ws to deflate as it would.
  return Number.POSITIVE_INFINITY;
}

/**
 * The `wsEngine` for Engine.IO: ws's server with its per-message `threshold` honoured for
 * every message (see deflatingAtLeast).
 */
export class DeflateThresholdServer extends WebSocketServer {
  constructor(options: ServerOptions) {
    const deflate = options.perMessageDeflate;
    const threshold = typeof deflate === 'object' ? (deflate.threshold ?? 1024) : 1024;
    super({ ...options, WebSocket: deflatingAtLeast(threshold) });
  }
}
