import { expect } from 'vitest';
import { startFakeService, type FakeService } from '@watchpost/core/testing';
import { fail, okMsg, type Step } from '../conformance-step.js';
import type { World } from '../conformance-world.js';
import { tenantRows } from '../read-back.js';

// docs/protocol/docker-hosts.md. The daemons are TCP ones on 127.0.0.1: a local fake that answers, or a port
// nothing listens on, so no step depends on whether this machine runs Docker.

const NOT_FOUND = 'docker host not found';
const CLOSED_PORT_DAEMON = 'tcp://127.0.0.1:9';

const hostId = (w: World) => w.saved['dockerHost'] as number;
const allHosts = (w: World) => tenantRows(w, 'docker_hosts');

const dockerHost = (name: string, dockerDaemon = CLOSED_PORT_DAEMON) => ({
  name,
  dockerType: 'tcp',
  dockerDaemon,
});

/** docs/protocol/docker-hosts.md#docker-host-object: note `userID`. */
const listEntry = (w: World, name: string) => ({
  id: hostId(w),
  userID: w.alice.userId,
  dockerDaemon: CLOSED_PORT_DAEMON,
  dockerType: 'tcp',
  name,
});

const pushedList = (push: (event: string) => unknown[]) => push('dockerHostList')[0];

export function dockerHostSteps(): Step[] {
  return [
    {
      event: 'addDockerHost',
      title: 'creates when the id is null; dockerHostList before the ack',
      args: () => [dockerHost('alpha-docker'), null],
      ack: okMsg('Saved', { id: expect.any(Number) }),
      before: ['dockerHostList'],
      readBack: async (w, { ack, push }) => {
        w.saved['dockerHost'] = (ack as { id: number }).id;
        expect(pushedList(push)).toStrictEqual([listEntry(w, 'alpha-docker')]);
      },
    },
    {
      event: 'addDockerHost',
      title: 'updates when the id is given',
      args: (w) => [dockerHost('alpha-docker-2'), hostId(w)],
      ack: (w: World) => okMsg('Saved', { id: hostId(w) }),
      before: ['dockerHostList'],
      readBack: async (w, { push }) => {
        expect(pushedList(push)).toStrictEqual([listEntry(w, 'alpha-docker-2')]);
      },
    },
    {
      event: 'addDockerHost',
      title: 'unknown id',
      args: () => [dockerHost('ghost'), 987_654],
      ack: fail(NOT_FOUND),
      unchanged: allHosts,
    },
    {
      event: 'testDockerHost',
      title: 'a daemon that answers with no containers',
      arrange: async (w) => {
        const daemon = await startFakeService();
        daemon.replyWith({ status: 200, body: [] });
        w.saved['daemon'] = daemon;
      },
      args: (w) => [
        dockerHost('probe', (w.saved['daemon'] as FakeService).url.replace('http:', 'tcp:')),
      ],
      ack: okMsg('Connected Successfully, but there are no containers?'),
      readBack: async (w) => {
        const daemon = w.saved['daemon'] as FakeService;
        await daemon.close();
        expect(daemon.requests.map((r) => r.url)).toEqual(['/containers/json?all=true']);
      },
    },
    {
      event: 'testDockerHost',
      title: 'a daemon that refuses: the network error text',
      args: () => [dockerHost('probe')],
      ack: fail('connect ECONNREFUSED 127.0.0.1:9'),
    },
    {
      event: 'addDockerHost',
      title: 'another tenant’s docker host id is not found',
      as: 'b',
      args: (w) => [dockerHost('bob'), hostId(w)],
      ack: fail(NOT_FOUND),
      unchanged: allHosts,
    },
    {
      event: 'deleteDockerHost',
      title: 'another tenant’s docker host id is not found',
      as: 'b',
      args: (w) => [hostId(w)],
      ack: fail(NOT_FOUND),
      unchanged: allHosts,
    },
    {
      event: 'deleteDockerHost',
      title: 'deletes; dockerHostList before the ack',
      args: (w) => [hostId(w)],
      ack: okMsg('Deleted'),
      before: ['dockerHostList'],
      readBack: async (_w, { push }) => expect(pushedList(push)).toEqual([]),
    },
    {
      event: 'deleteDockerHost',
      title: 'an id that is gone',
      args: (w) => [hostId(w)],
      ack: fail(NOT_FOUND),
      unchanged: allHosts,
    },
  ];
}
