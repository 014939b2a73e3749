import { z } from 'zod';
import {
  defineHandler,
  definePublicHandler,
  defineUnackedHandler,
  type SocketHandler,
} from './define-handler.js';
import { gameList } from './game-list.js';
import { isAppriseInstalled, probeChrome } from './host-programs.js';
import { refreshOtherSessions } from './refresh-other-sessions.js';

// Questions about the server itself, answered from this process and its host rather than a
// tenant's data, and ending the user's other sockets (a Socket.IO matter): no service layer.

export const serverHandlers: readonly SocketHandler[] = [
  // docs/protocol/settings.md: GameDig's catalogue (see game-list.ts).
  defineHandler('getGameList', [], async () => ({ ok: true, gameList: gameList() })),

  // docs/protocol/notifications.md: a bare boolean, false before login, so no stranger can make us spawn processes.
  definePublicHandler('checkApprise', [], async ({ session }) =>
    session ? isAppriseInstalled() : false,
  ),

  defineHandler(
    'testChrome',
    [z.string({ message: 'The executable must be text.' }).max(4096)],
    async (_ctx, [executable]) => probeChrome(executable),
  ),

  // docs/protocol/settings.md: every other socket of the same user, on any API node, gets `refresh` and is
  // disconnected. Never acks.
  defineUnackedHandler('disconnectOtherSocketClients', [], async ({ socket, deps, session }) => {
    await refreshOtherSessions(deps.io, session, socket.id, { keepApiKeySessions: false });
  }),
];
