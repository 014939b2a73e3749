import { io } from 'socket.io-client';
import type { LeanBurstQuery, ServerToClientEvents } from '@watchpost/core';
import { strings } from '../strings.js';
import {
  applyPushes,
  initialDashboardState,
  signInBySummaries,
  type DashboardPush,
  type DashboardState,
} from './dashboard-state.js';
import { readToken, storeToken, clearToken, usernameOfToken } from './auth-token.js';
import {
  AckError,
  emitWithAck,
  type AckEvent,
  type AckOf,
  type ArgsBeforeAck,
  type DashboardSocket,
} from './emit-with-ack.js';
import { createStore, useStoreSlice } from './store.js';

/**
 * The one connection to the server. It owns reconnection and resynchronisation: on every
 * (re)connect it logs in again with the stored token, and the server answers with a fresh
 * lean burst that replaces the monitor state, so a dropped connection heals without a reload.
 * Components never listen to the socket: they read the store (useDashboard) and call
 * `request` or the actions below.
 */
export const dashboardStore = createStore<DashboardState>(initialDashboardState);

const leanBurst: LeanBurstQuery = { burst: 'lean' };
const socket: DashboardSocket = io({ query: leanBurst, transports: ['websocket'] });

/** Reads a slice of the dashboard state; re-renders when it changes. */
export function useDashboard<T>(select: (state: DashboardState) => T): T {
  return useStoreSlice(dashboardStore, select);
}

/** Sends a request event on the dashboard's socket; see emitWithAck for the errors. */
export function request<E extends AckEvent>(
  event: E,
  ...args: ArgsBeforeAck<E>
): Promise<AckOf<E>> {
  return emitWithAck(socket, event, ...args);
}

function setAuth(auth: Partial<DashboardState['auth']>): void {
  dashboardStore.update((s) => ({ ...s, auth: { ...s.auth, ...auth } }));
}

// Pushes are applied in batches, at most one per BATCH_MS and on an animation frame: whatever
// arrives in between costs one state change and one render, the first push after a quiet spell
// (a beat on a calm tenant) and the login's summaries show on the next frame, and a beat still
// shows well within a second of being stored. A hidden tab has no frames; it applies on the
// timer alone, so pushes do not pile up while nobody looks.
const BATCH_MS = 200;
let pending: DashboardPush[] = [];
let flushScheduled = false;
let lastFlush = -Infinity;

function queuePush(push: DashboardPush): void {
  pending.push(push);
  // The summaries are the list a person is waiting for, and they follow the login's `info`
  // push within milliseconds: they go out on the next frame, not a batch period after it.
  if (push[0] === 'monitorSummaryList') return scheduleFlush(0);
  if (!flushScheduled) scheduleFlush(Math.max(0, lastFlush + BATCH_MS - performance.now()));
}

function scheduleFlush(wait: number): void {
  flushScheduled = true;
  setTimeout(() => (document.hidden ? flushPushes() : requestAnimationFrame(flushPushes)), wait);
}

/** The login (or token login) awaiting its ack; null when none is. */
let loginInFlight: { username: string | null } | null = null;

function flushPushes(): void {
  flushScheduled = false;
  lastFlush = performance.now();
  const batch = pending;
  pending = [];
  dashboardStore.update((s) => signInBySummaries(applyPushes(s, batch), batch, loginInFlight));
}

/** Runs a login request with its username known to flushPushes while it waits for the ack. */
async function loggingIn<T>(username: string | null, send: () => Promise<T>): Promise<T> {
  loginInFlight = { username };
  try {
    return await send();
  } finally {
    loginInFlight = null;
  }
}

const KEPT_PUSHES = [
  'monitorSummaryList',
  'monitorMetaDelta',
  'heartbeat',
  'avgPing',
  'uptime',
  'certInfo',
  'info',
  'notificationList',
  'proxyList',
  'dockerHostList',
  'apiKeyList',
  'statusPageList',
  'maintenanceList',
] as const satisfies readonly (keyof ServerToClientEvents)[];

for (const event of KEPT_PUSHES) {
  // Each listener forwards its push as a value; the event map types the arguments.
  const listen = socket.on.bind(socket) as (
    event: string,
    listener: (...args: unknown[]) => void,
  ) => void;
  listen(event, (...args) => queuePush([event, ...args] as DashboardPush));
}

socket.on('connect', () => {
  dashboardStore.update((s) => ({ ...s, connection: 'connected' }));
  void resumeSession();
});
socket.on('disconnect', () => {
  dashboardStore.update((s) => ({ ...s, connection: 'reconnecting' }));
});
socket.on('connect_error', () => {
  dashboardStore.update((s) => ({ ...s, connection: 'reconnecting' }));
});
// The server asks for the browser's zone until one was given (docs/protocol/transport.md#initservertimezone).
socket.on('initServerTimezone', () => {
  socket.emit('initServerTimezone', Intl.DateTimeFormat().resolvedOptions().timeZone);
});
socket.on('refresh', () => location.reload());

/** On every connect: log in again with the stored token, or find out whether setup is due. */
async function resumeSession(): Promise<void> {
  const token = readToken();
  if (token) {
    try {
      await loggingIn(usernameOfToken(token), () => request('loginByToken', token));
      setAuth({ phase: 'loggedIn', username: usernameOfToken(token), notice: null });
      return;
    } catch (error) {
      // A refused token is an expired session; a timeout is a connection problem that the
      // next reconnect retries.
      if (!(error instanceof AckError) || !error.response) return;
      clearToken();
      setAuth({ phase: 'loggedOut', username: null, notice: strings.auth.sessionExpired });
      return;
    }
  }
  const needed = await request('needSetup').catch(() => false);
  setAuth({ phase: needed ? 'needSetup' : 'loggedOut' });
}

export type LoginResult = 'loggedIn' | 'tokenRequired';

/** Logs in; answers `tokenRequired` when the account has 2FA and no code was given. */
export async function login(form: {
  username: string;
  password: string;
  token: string;
  remember: boolean;
}): Promise<LoginResult> {
  const answer = await loggingIn(form.username, () =>
    request('login', { username: form.username, password: form.password, token: form.token }),
  );
  if (answer.tokenRequired === true) return 'tokenRequired';
  if (typeof answer.token !== 'string') throw new AckError(strings.common.unexpectedError, answer);
  storeToken(answer.token, form.remember);
  setAuth({ phase: 'loggedIn', username: form.username, notice: null });
  return 'loggedIn';
}

/** Creates the first admin, then logs in as it (setup itself does not log in). */
export async function setupFirstAdmin(username: string, password: string): Promise<void> {
  await request('setup', username, password);
  await login({ username, password, token: '', remember: true });
}

export async function logout(): Promise<void> {
  clearToken();
  await request('logout').catch(() => undefined);
  dashboardStore.update((s) => ({
    ...initialDashboardState,
    connection: s.connection,
    info: s.info,
    auth: { phase: 'loggedOut', username: null, notice: strings.auth.loggedOut },
  }));
}

/**
 * Keeps the live beats of one monitor in `watchedBeats` (newest last), starting from
 * `initial` (e.g. what `getMonitorBeats` answered). Returns the function that stops it.
 */
export function watchMonitorBeats(
  monitorId: number,
  initial: DashboardState['watchedBeats'] extends ReadonlyMap<number, infer B> ? B : never,
): () => void {
  dashboardStore.update((s) => ({
    ...s,
    watchedBeats: new Map(s.watchedBeats).set(monitorId, initial),
  }));
  return () =>
    dashboardStore.update((s) => {
      const watchedBeats = new Map(s.watchedBeats);
      watchedBeats.delete(monitorId);
      return { ...s, watchedBeats };
    });
}
