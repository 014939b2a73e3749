import { io, type Socket } from 'socket.io-client';
import type { ReceivedBeat } from './fault-figures.js';

export interface FollowingClient {
  name: string;
  close(): void;
}

/**
 * A Kuma client that stays logged in across API nodes, as a browser behind a load balancer
 * does: when its node goes away it connects to the next one that answers, logs in again
 * with its token and goes on recording every heartbeat push it receives.
 */
export function followHeartbeats(
  name: string,
  urls: readonly string[],
  token: string,
  received: ReceivedBeat[],
): FollowingClient {
  let closed = false;
  let socket: Socket | undefined;
  let next = 0;

  function connect(): void {
    if (closed) return;
    const url = urls[next % urls.length]!;
    next++;
    const s = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: 2_000,
    });
    socket = s;
    s.on('heartbeat', (beat: { monitorID: number; time: string }) => {
      received.push({
        client: name,
        monitorId: beat.monitorID,
        wireTime: beat.time,
        receivedAt: Date.now(),
      });
    });
    s.on('connect', () => s.emit('loginByToken', token, () => {}));
    const retry = () => {
      s.removeAllListeners();
      s.close();
      setTimeout(connect, 200);
    };
    s.on('connect_error', retry);
    s.on('disconnect', retry);
  }
  connect();
  return {
    name,
    close() {
      closed = true;
      socket?.removeAllListeners();
      socket?.close();
    },
  };
}
