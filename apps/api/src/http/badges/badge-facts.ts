import type { Kysely } from 'kysely';
import { MAINTENANCE, UP } from '@watchpost/core';
import {
  averagePing,
  badgeRepository,
  statsRepository,
  uptimeRatio,
  type Database,
} from '@watchpost/core/db';
import type { BadgeFacts } from './badge-format.js';
import type { BadgeRequest } from './badge-request.js';

/**
 * Reads what the requested badge shows, or undefined when the monitor is not public (or does
 * not exist). Latest beat and certificate come from `monitor_state`; windows from the
 * aggregate tables, never from heartbeats (architecture rule 8). One query, two for windows.
 */
export async function loadBadgeFacts(
  db: Kysely<Database>,
  request: BadgeRequest,
  now: Date,
): Promise<BadgeFacts | undefined> {
  if (request.monitorId === null) return undefined;
  const monitor = await badgeRepository.findPublicBadgeMonitor(db, request.monitorId);
  if (!monitor) return undefined;
  const facts: BadgeFacts = {
    status: monitor.status,
    lastPing: monitor.lastPing,
    tls: monitor.tls,
  };
  switch (request.kind) {
    case 'uptime': {
      const stats = await statsRepository.getWindowStatsFor(db, [monitor], request.hours, now);
      // An empty window falls back to the monitor's own state (docs/protocol/monitoring.md#uptime), as the socket
      // `uptime` push does.
      const up = monitor.status === UP || monitor.status === MAINTENANCE;
      facts.uptime = uptimeRatio(stats.get(monitor.monitorId), up);
      break;
    }
    case 'ping':
    case 'avg-response': {
      const stats = await statsRepository.getWindowStatsFor(db, [monitor], request.hours, now);
      facts.avgPing = averagePing(stats.get(monitor.monitorId));
      break;
    }
    case 'status':
    case 'cert-exp':
    case 'response':
      break;
    default: {
      const unreachable: never = request;
      return unreachable;
    }
  }
  return facts;
}
