import type { AckResponse, ClientToServerEvents } from '@watchpost/core';
import type { Socket } from 'socket.io-client';
import type { ServerToClientEvents } from '@watchpost/core';
import { strings } from '../strings.js';

export type DashboardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type ClientEvent = keyof ClientToServerEvents;
type ArgsOf<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>;
type LastOf<T extends unknown[]> = T extends [...unknown[], infer L] ? L : never;
type InitOf<T extends unknown[]> = T extends [...infer I, unknown] ? I : never;

/** The client events whose last argument is an ack callback. */
export type AckEvent = {
  [E in ClientEvent]: LastOf<ArgsOf<E>> extends (...answer: never[]) => void ? E : never;
}[ClientEvent];

/** What the server acks for `E`: `AckResponse` for most, a bare boolean for `needSetup`, … */
export type AckOf<E extends AckEvent> =
  LastOf<ArgsOf<E>> extends (answer: infer A) => void ? A : undefined;

/** The arguments of `E` before its ack. */
export type ArgsBeforeAck<E extends AckEvent> = InitOf<ArgsOf<E>>;

/** An ack that said no, or none in time. `message` is the server's text, to show as is. */
export class AckError extends Error {
  constructor(
    message: string,
    /** The whole ack, for fields beside `msg` (e.g. `tokenRequired`). */
    readonly response: AckResponse | null = null,
  ) {
    super(message);
    this.name = 'AckError';
  }
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Sends a request event and resolves with its ack. Rejects with AckError when the ack is
 * `{ok: false, msg}` (the server's message), when no ack came within the timeout, or when
 * the socket is not connected: forms show `error.message` next to what the user typed.
 */
export function emitWithAck<E extends AckEvent>(
  socket: DashboardSocket,
  event: E,
  ...args: ArgsBeforeAck<E>
): Promise<AckOf<E>> {
  if (!socket.connected) return Promise.reject(new AckError(strings.common.notConnected));
  return new Promise((resolve, reject) => {
    // socket.io's typed emit cannot spread a generic tuple; the event map still types `args`.
    const emit = socket.timeout(DEFAULT_TIMEOUT_MS).emit as unknown as (
      event: string,
      ...rest: unknown[]
    ) => void;
    emit.call(socket, event, ...args, (timeout: Error | null, answer: AckOf<E>) => {
      if (timeout) return reject(new AckError(strings.common.requestTimedOut));
      if (isRefusal(answer)) {
        return reject(new AckError(answer.msg ?? strings.common.unexpectedError, answer));
      }
      resolve(answer);
    });
  });
}

function isRefusal(answer: unknown): answer is AckResponse {
  return typeof answer === 'object' && answer !== null && (answer as AckResponse).ok === false;
}

/** The text to show for anything a request threw. */
export function errorMessage(error: unknown): string {
  return error instanceof AckError ? error.message : strings.common.unexpectedError;
}
