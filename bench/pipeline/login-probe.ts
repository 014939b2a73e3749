// Logs in as an Uptime Kuma client would (socket.io-client over WebSocket, the full burst,
// no lean query; WebSocket compression offered) while the checks run, and times the answer.
// Bytes are counted on the wire by a TCP proxy between the client and the API node, so they
// are what compression leaves.
import { io } from 'socket.io-client';
import { startCountingProxy } from '../support/counting-proxy.js';

export interface LoginProbeResult {
  loginAckMs: number;
  /** Time from `login` to the `monitorList` event. */
  monitorListMs: number | null;
  /** Bytes on the wire from connect until `monitorList` had arrived: about its compressed size. */
  monitorListWireBytes: number | null;
  /** Length of `monitorList`'s JSON once decoded. */
  monitorListJsonBytes: number | null;
  /** Time until every monitor's heartbeatList and importantHeartbeatList had arrived. */
  everyListMs: number | null;
  wireBytes: number;
  ok: boolean;
  msg?: string;
}

export async function probeKumaLogin(
  apiUrl: string,
  user: { username: string; password: string },
  monitors: number,
  timeoutMs = 120_000,
): Promise<LoginProbeResult> {
  const proxy = await startCountingProxy(Number(new URL(apiUrl).port));
  const socket = io(proxy.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    // Offered as browsers offer it; the server decides whether to compress.
    perMessageDeflate: { threshold: 1024 },
  });
  try {
    await new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(undefined));
      socket.once('connect_error', reject);
    });
    let started = 0;
    let monitorListMs: number | null = null;
    let monitorListWireBytes: number | null = null;
    let monitorListJsonBytes: number | null = null;
    let everyListMs: number | null = null;
    const lists = { heartbeatList: new Set<unknown>(), importantHeartbeatList: new Set<unknown>() };
    let listsDone: () => void = () => {};
    const everyList = new Promise<void>((resolve) => (listsDone = resolve));
    socket.on('monitorList', (list: unknown) => {
      monitorListMs ??= performance.now() - started;
      monitorListWireBytes ??= proxy.received();
      monitorListJsonBytes ??= JSON.stringify(list).length;
    });
    for (const event of ['heartbeatList', 'importantHeartbeatList'] as const) {
      socket.on(event, (monitorId: unknown) => {
        lists[event].add(String(monitorId));
        if (
          everyListMs === null &&
          lists.heartbeatList.size >= monitors &&
          lists.importantHeartbeatList.size >= monitors
        ) {
          everyListMs = performance.now() - started;
          listsDone();
        }
      });
    }
    started = performance.now();
    const ack = (await socket.timeout(timeoutMs).emitWithAck('login', { ...user, token: '' })) as {
      ok: boolean;
      msg?: string;
    };
    const loginAckMs = performance.now() - started;
    // Lists sent after the ack (upstream's order) are still on their way.
    await Promise.race([everyList, new Promise((r) => setTimeout(r, timeoutMs - loginAckMs))]);
    // Whatever follows the last list (statistics pushes) within the next second.
    await new Promise((r) => setTimeout(r, 1000));
    return {
      loginAckMs,
      monitorListMs,
      monitorListWireBytes,
      monitorListJsonBytes,
      everyListMs,
      wireBytes: proxy.received(),
      ok: ack.ok,
      ...(ack.msg !== undefined && { msg: ack.msg }),
    };
  } finally {
    socket.close();
    proxy.close();
  }
}
