import { MONITOR_NOT_FOUND_MSG } from '@watchpost/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '@watchpost/core';
import {
  MaintenanceInputError,
  maintenanceInputSchema,
  maintenanceRepository,
  toMaintenanceFields,
  toMaintenanceJson,
  type Database,
  type MaintenanceFields,
  type MaintenanceInput,
  type MaintenanceJson,
} from '@watchpost/core/db';
import { tenantRoom } from '@watchpost/core/realtime';
import { defineHandler, Reply, type SocketHandler } from './define-handler.js';
import type { RealtimeDeps } from './realtime-deps.js';
import { announceStatusPageChange } from './status-page-handlers.js';

// Spec §3.7. Windows are decided from their stored fields whenever someone asks (the list,
// the worker before each check), so nothing is scheduled or unscheduled here.

// Literal texts of spec §9.2 (note: no full stop after "Resume Successfully").
const ADDED_MSG = 'Added Successfully.';
const SAVED_MSG = 'Saved.';
const DELETED_MSG = 'Deleted Successfully.';
const PAUSED_MSG = 'Paused Successfully.';
const RESUMED_MSG = 'Resume Successfully';
// Upstream's text for pause/resume; used for every unknown id, another tenant's included, so
// ids cannot be probed.
const NOT_FOUND_MSG = 'Maintenance not found';
const STATUS_PAGE_NOT_FOUND_MSG = 'Status page not found.';
const INVALID_ID_MSG = 'Invalid maintenance ID.';
const MISSING_ID_MSG = 'Maintenance ID is required.';

// Ids live in a Postgres `integer` column. Numbers from Python, numeric text from the UI.
const MAX_ID = 2 ** 31 - 1;
const idSchema = z
  .union(
    [
      z.number(),
      z
        .string()
        .regex(/^\d{1,10}$/)
        .transform(Number),
    ],
    {
      message: INVALID_ID_MSG,
    },
  )
  .pipe(z.number().int(INVALID_ID_MSG).min(1, INVALID_ID_MSG).max(MAX_ID, INVALID_ID_MSG));

/** `[{id}, …]`; clients send whole objects back, extra keys are ignored. */
function idListSchema(what: string) {
  const message = `${what} must be a list of objects with an id.`;
  return z.array(z.object({ id: idSchema }, { message }), { message }).max(10_000, message);
}

export const maintenanceHandlers: readonly SocketHandler[] = [
  // Spec §3.7 / §1.4: the list push reaches the room before the ack.
  defineHandler('addMaintenance', [maintenanceInputSchema], async ({ deps, session }, [input]) => {
    const id = await maintenanceRepository.insertMaintenance(
      deps.db,
      session.tenantId,
      session.userId,
      fieldsOf(input),
    );
    announceStatusPageChange(deps, session.tenantId);
    await pushMaintenanceList(deps, session.tenantId);
    return { ok: true, msg: ADDED_MSG, maintenanceID: id };
  }),

  defineHandler('editMaintenance', [maintenanceInputSchema], async ({ deps, session }, [input]) => {
    if (input.id === undefined) throw new AppError('invalid-input', MISSING_ID_MSG);
    const fields = fieldsOf(input);
    const saved = await maintenanceRepository.updateMaintenance(
      deps.db,
      session.tenantId,
      input.id,
      fields,
    );
    if (!saved) throw new AppError('not-found', NOT_FOUND_MSG);
    announceStatusPageChange(deps, session.tenantId);
    await pushMaintenanceList(deps, session.tenantId);
    return { ok: true, msg: SAVED_MSG, maintenanceID: input.id };
  }),

  defineHandler('getMaintenance', [idSchema], async ({ deps, session }, [id]) => {
    const found = await maintenanceRepository.findMaintenance(deps.db, session.tenantId, id);
    if (!found) throw new AppError('not-found', NOT_FOUND_MSG);
    return { ok: true, maintenance: toMaintenanceJson(found, Date.now()) };
  }),

  defineHandler('getMaintenanceList', [], async ({ deps, session }) => {
    await pushMaintenanceList(deps, session.tenantId);
    return { ok: true };
  }),

  // Spec §3.7: silent for an id that is not there; the ack comes before the push.
  defineHandler('deleteMaintenance', [idSchema], async ({ deps, session }, [id]) => {
    await maintenanceRepository.deleteMaintenance(deps.db, session.tenantId, id);
    announceStatusPageChange(deps, session.tenantId);
    return Reply.of({ ok: true, msg: DELETED_MSG }, () =>
      pushMaintenanceList(deps, session.tenantId),
    );
  }),

  defineHandler('pauseMaintenance', [idSchema], async ({ deps, session }, [id]) => {
    await setActive(deps, session.tenantId, id, false);
    return Reply.of({ ok: true, msg: PAUSED_MSG }, () =>
      pushMaintenanceList(deps, session.tenantId),
    );
  }),

  defineHandler('resumeMaintenance', [idSchema], async ({ deps, session }, [id]) => {
    await setActive(deps, session.tenantId, id, true);
    return Reply.of({ ok: true, msg: RESUMED_MSG }, () =>
      pushMaintenanceList(deps, session.tenantId),
    );
  }),

  // Replaces the covered set; all or nothing.
  defineHandler(
    'addMonitorMaintenance',
    [idSchema, idListSchema('Monitors')],
    async ({ deps, session }, [id, monitors]) => {
      const result = await maintenanceRepository.setMaintenanceMonitors(
        deps.db,
        session.tenantId,
        id,
        monitors.map((m) => m.id),
      );
      throwUnlessLinked(result, MONITOR_NOT_FOUND_MSG);
      announceStatusPageChange(deps, session.tenantId);
      return { ok: true, msg: ADDED_MSG };
    },
  ),

  defineHandler('getMonitorMaintenance', [idSchema], async ({ deps, session }, [id]) => {
    await requireMaintenance(deps.db, session.tenantId, id);
    const monitors = await maintenanceRepository.listMaintenanceMonitors(
      deps.db,
      session.tenantId,
      id,
    );
    return { ok: true, monitors };
  }),

  defineHandler(
    'addMaintenanceStatusPage',
    [idSchema, idListSchema('Status pages')],
    async ({ deps, session }, [id, pages]) => {
      const result = await maintenanceRepository.setMaintenanceStatusPages(
        deps.db,
        session.tenantId,
        id,
        pages.map((p) => p.id),
      );
      throwUnlessLinked(result, STATUS_PAGE_NOT_FOUND_MSG);
      announceStatusPageChange(deps, session.tenantId);
      return { ok: true, msg: ADDED_MSG };
    },
  ),

  defineHandler('getMaintenanceStatusPage', [idSchema], async ({ deps, session }, [id]) => {
    await requireMaintenance(deps.db, session.tenantId, id);
    const statusPages = await maintenanceRepository.listMaintenanceStatusPages(
      deps.db,
      session.tenantId,
      id,
    );
    return { ok: true, statusPages };
  }),
];

/** Spec §5.9 / §9.9: the tenant's windows keyed by id, `{}` when none. */
export async function loadMaintenanceList(
  db: Kysely<Database>,
  tenantId: number,
): Promise<Record<string, MaintenanceJson>> {
  const now = Date.now();
  const list: Record<string, MaintenanceJson> = {};
  for (const m of await maintenanceRepository.listMaintenances(db, tenantId)) {
    list[String(m.id)] = toMaintenanceJson(m, now);
  }
  return list;
}

async function pushMaintenanceList(deps: RealtimeDeps, tenantId: number): Promise<void> {
  const list = await loadMaintenanceList(deps.db, tenantId);
  deps.io.to(tenantRoom(tenantId)).emit('maintenanceList', list);
}

function fieldsOf(input: MaintenanceInput): MaintenanceFields {
  try {
    return toMaintenanceFields(input);
  } catch (error) {
    if (error instanceof MaintenanceInputError) throw new AppError('invalid-input', error.message);
    throw error;
  }
}

async function setActive(deps: RealtimeDeps, tenantId: number, id: number, active: boolean) {
  const changed = await maintenanceRepository.setMaintenanceActive(deps.db, tenantId, id, active);
  if (!changed) throw new AppError('not-found', NOT_FOUND_MSG);
  announceStatusPageChange(deps, tenantId);
}

async function requireMaintenance(db: Kysely<Database>, tenantId: number, id: number) {
  if (!(await maintenanceRepository.findMaintenance(db, tenantId, id))) {
    throw new AppError('not-found', NOT_FOUND_MSG);
  }
}

function throwUnlessLinked(result: maintenanceRepository.LinkResult, targetMissing: string) {
  if (result === 'maintenance-not-found') throw new AppError('not-found', NOT_FOUND_MSG);
  if (result === 'target-not-found') throw new AppError('not-found', targetMissing);
}
