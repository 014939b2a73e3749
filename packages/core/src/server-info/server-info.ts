import type { ServerInfo } from '../protocol/server-events.js';

/**
 * The Kuma version we claim. Clients gate payload fields on it (docs/protocol/compatibility.md#version-reporting); it must be a
 * plain 1.23.x string, never 2.x.
 */
export const KUMA_VERSION = '1.23.16';

// Watchpost stores and reports every time in UTC whatever the node's zone; settings
// (primaryBaseURL, a display time zone) come with the settings issue.
const SERVER_FIELDS = {
  primaryBaseURL: null,
  serverTimezone: 'UTC',
  serverTimezoneOffset: '+00:00',
} as const;

export function preLoginInfo(): ServerInfo {
  return { ...SERVER_FIELDS };
}

export function postLoginInfo(): ServerInfo {
  return {
    version: KUMA_VERSION,
    // There is no update check; reporting ourselves as newest keeps the UI's banner quiet.
    latestVersion: KUMA_VERSION,
    isContainer: false,
    ...SERVER_FIELDS,
  };
}

/** docs/protocol/settings.md#settings-object: the internal setting that marks a tenant's zone as chosen. */
export const INIT_SERVER_TIMEZONE_SETTING = 'initServerTimezone';
