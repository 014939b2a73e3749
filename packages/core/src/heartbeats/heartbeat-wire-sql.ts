import { sql, type RawBuilder } from 'kysely';

// The wire objects of heartbeat-wire.ts, written by Postgres as compact JSON text from a
// `heartbeats` row aliased `h`. The login burst replays 100 beats of every monitor
// (docs/protocol/authentication.md#post-login-burst): at thousands of monitors that is
// hundreds of thousands of rows, which the API would otherwise parse into objects, map and
// serialise again on its event loop. Each expression must give exactly what
// JSON.stringify(toHeartbeatRowJson(…)) / JSON.stringify(toImportantHeartbeatJson(…)) gives
// for the same row, key order included; heartbeat-wire-sql.integration.test.ts holds them to it.

/** `DATETIME_MS` (docs/protocol/transport.md#conventions) as a JSON string: UTC, milliseconds truncated like a JS Date. */
const TIME_JSON = sql<string>`'"' || to_char(h.time AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') || '"'`;

/** A ping as JSON.stringify writes a JS number: NULL, NaN and the infinities become null. */
const PING_JSON = sql<string>`CASE WHEN h.ping IS NULL OR h.ping IN ('NaN', 'Infinity', '-Infinity')
  THEN 'null' ELSE h.ping::text END`;

/** docs/protocol/monitors.md#heartbeatrow, as toHeartbeatRowJson writes it. */
export const HEARTBEAT_ROW_JSON: RawBuilder<string> = sql<string>`'{"id":' || h.id
  || ',"important":' || h.important::int
  || ',"monitor_id":' || h.monitor_id
  || ',"status":' || h.status
  || ',"msg":' || to_json(h.msg)::text
  || ',"time":' || ${TIME_JSON}
  || ',"ping":' || ${PING_JSON}
  || ',"duration":' || h.duration
  || ',"down_count":' || h.down_count || '}'`;

/** docs/protocol/monitors.md#heartbeatjson as `importantHeartbeatList` lists it, as toImportantHeartbeatJson writes it. */
export const IMPORTANT_HEARTBEAT_JSON: RawBuilder<string> = sql<string>`'{"monitorID":' || h.monitor_id
  || ',"status":' || h.status
  || ',"time":' || ${TIME_JSON}
  || ',"msg":' || to_json(h.msg)::text
  || ',"ping":' || ${PING_JSON}
  || ',"important":' || h.important::int
  || ',"duration":' || h.duration || '}'`;
