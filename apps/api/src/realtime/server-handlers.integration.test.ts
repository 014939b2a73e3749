import { access } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectKumaTestClient, waitFor } from '@watchpost/core/testing';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';
import { KNOWN_CHROME_EXECUTABLES } from './host-programs.js';

// docs/protocol/notifications.md / docs/protocol/settings.md: what clients ask about the server itself (the game catalogue, programs
// installed on it) and ending the user's other sessions.

let ctx: ApiTestContext;
let alice: TestUser;
let bob: TestUser;
let a: TestClient;
let b: TestClient;

beforeAll(async () => {
  ctx = await createApiTestContext('server-handlers');
  alice = await ctx.createUser('alice');
  bob = await ctx.createUser('bob');
  a = await ctx.connect();
  await a.login(alice);
  b = await ctx.connect();
  await b.login(bob);
});
afterAll(async () => ctx?.close());

describe('miscellaneous', () => {
  it("getGameList answers GameDig 4's whole catalogue, sorted by name", async () => {
    const { ok, gameList } = await a.call<{
      ok: boolean;
      gameList: { keys: string[]; pretty: string; options: Record<string, unknown> }[];
    }>('getGameList');
    expect(ok).toBe(true);
    expect(gameList).toHaveLength(291);
    const names = gameList.map((g) => g.pretty);
    expect(names).toEqual([...names].sort());
    expect(gameList.find((g) => g.keys[0] === 'minecraft')).toEqual({
      keys: ['minecraft', 'minecraftping'],
      pretty: 'Minecraft (2009)',
      options: { port: 25565, protocol: 'minecraft' },
      extra: {},
    });
    expect(gameList.find((g) => g.keys[0] === 'teamspeak3')).toMatchObject({
      options: { port: 9987, protocol: 'teamspeak3' },
      extra: { doc_notes: 'teamspeak3' },
    });
  });

  it('testChrome finds a browser at the well-known paths, or says none is there', async () => {
    const installed = await Promise.all(
      KNOWN_CHROME_EXECUTABLES.map((path) =>
        access(path).then(
          () => true,
          () => false,
        ),
      ),
    );
    const reply = await a.call('testChrome', '');
    expect(reply).toEqual(
      installed.includes(true)
        ? { ok: true, msg: expect.stringMatching(/^Found Chromium\/Chrome\. Version: \d+\./) }
        : {
            ok: false,
            msg: 'Chromium not found, please specify Chromium executable path in the settings page.',
          },
    );
  });

  it('testChrome never runs a program a tenant names', async () => {
    expect(await a.call('testChrome', '/bin/sh')).toEqual({
      ok: false,
      msg: `Only these browser paths can be tested on this server: ${KNOWN_CHROME_EXECUTABLES.join(', ')}`,
    });
    expect(await a.call('testChrome', 5)).toEqual({
      ok: false,
      msg: 'The executable must be text.',
    });
  });

  it('checkApprise acks a bare boolean: false before login and without the binary', async () => {
    const stranger = await ctx.connect();
    expect(await stranger.callRaw('checkApprise')).toEqual([false]);
    // This machine has no apprise CLI.
    expect(await a.callRaw('checkApprise')).toEqual([false]);
  });

  it('disconnectOtherSocketClients refreshes and drops the user’s other sockets only', async () => {
    // On another API node: the sockets are found through the shared adapter.
    const other = await ctx.connect(await ctx.startNode());
    await other.login(alice);
    const stranger = await connectKumaTestClient(ctx.node.url);
    try {
      // The web UI sends it without an ack, and the server never acks it.
      a.socket.emit('disconnectOtherSocketClients');
      await waitFor(() => expect(other.socket.connected).toBe(false));
      expect(other.events.some((e) => e.event === 'refresh')).toBe(true);
      expect(a.socket.connected).toBe(true);
      expect(b.socket.connected).toBe(true);
      expect(stranger.socket.connected).toBe(true);
      expect(b.events.some((e) => e.event === 'refresh')).toBe(false);
      // Still serving the caller.
      expect(await a.call('getGameList')).toMatchObject({ ok: true });
    } finally {
      stranger.close();
    }
  });

  it('disconnectOtherSocketClients does nothing, and never acks, before login', async () => {
    const stranger = await ctx.connect();
    let acked = false;
    stranger.socket.emit('disconnectOtherSocketClients', () => {
      acked = true;
    });
    // One round trip on the same socket: the event before it has been handled.
    await stranger.call('needSetup');
    expect(acked).toBe(false);
    expect(a.socket.connected).toBe(true);
  });
});
