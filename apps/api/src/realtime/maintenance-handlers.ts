import { z } from 'zod';
import { ownedIdSchema } from '@watchpost/core';
import {
  addMaintenance,
  deleteMaintenance,
  editMaintenance,
  getMaintenance,
  getMaintenanceMonitors,
  getMaintenanceStatusPages,
  maintenanceInputSchema,
  pauseMaintenance,
  pushMaintenanceList,
  resumeMaintenance,
  setMaintenanceMonitors,
  setMaintenanceStatusPages,
} from '@watchpost/core/services';
import { defineHandler, Reply, type SocketHandler } from './define-handler.js';

// docs/protocol/maintenance.md.

// Literal texts of docs/protocol/compatibility.md#literal-strings (note: no full stop after "Resume Successfully").
const ADDED_MSG = 'Added Successfully.';
const SAVED_MSG = 'Saved.';
const DELETED_MSG = 'Deleted Successfully.';
const PAUSED_MSG = 'Paused Successfully.';
const RESUMED_MSG = 'Resume Successfully';
const INVALID_ID_MSG = 'Invalid maintenance ID.';

const idSchema = ownedIdSchema(INVALID_ID_MSG);

/** `[{id}, …]`; clients send whole objects back, extra keys are ignored. */
function idListSchema(what: string) {
  const message = `${what} must be a list of objects with an id.`;
  return z.array(z.object({ id: idSchema }, { message }), { message }).max(10_000, message);
}

export const maintenanceHandlers: readonly SocketHandler[] = [
  // docs/protocol/maintenance.md / docs/protocol/transport.md#pushes-and-rooms: the list push reaches the room before the ack.
  defineHandler('addMaintenance', [maintenanceInputSchema], async ({ service }, [input]) => {
    const id = await addMaintenance(service, input);
    return { ok: true, msg: ADDED_MSG, maintenanceID: id };
  }),

  defineHandler('editMaintenance', [maintenanceInputSchema], async ({ service }, [input]) => {
    const id = await editMaintenance(service, input);
    return { ok: true, msg: SAVED_MSG, maintenanceID: id };
  }),

  defineHandler('getMaintenance', [idSchema], async ({ service }, [id]) => {
    return { ok: true, maintenance: await getMaintenance(service, id) };
  }),

  defineHandler('getMaintenanceList', [], async ({ service }) => {
    await pushMaintenanceList(service);
    return { ok: true };
  }),

  // docs/protocol/maintenance.md: silent for an id that is not there; the ack comes before the push.
  defineHandler('deleteMaintenance', [idSchema], async ({ service }, [id]) => {
    const { publish } = await deleteMaintenance(service, id);
    return Reply.of({ ok: true, msg: DELETED_MSG }, publish);
  }),

  defineHandler('pauseMaintenance', [idSchema], async ({ service }, [id]) => {
    const { publish } = await pauseMaintenance(service, id);
    return Reply.of({ ok: true, msg: PAUSED_MSG }, publish);
  }),

  defineHandler('resumeMaintenance', [idSchema], async ({ service }, [id]) => {
    const { publish } = await resumeMaintenance(service, id);
    return Reply.of({ ok: true, msg: RESUMED_MSG }, publish);
  }),

  defineHandler(
    'addMonitorMaintenance',
    [idSchema, idListSchema('Monitors')],
    async ({ service }, [id, monitors]) => {
      await setMaintenanceMonitors(
        service,
        id,
        monitors.map((m) => m.id),
      );
      return { ok: true, msg: ADDED_MSG };
    },
  ),

  defineHandler('getMonitorMaintenance', [idSchema], async ({ service }, [id]) => {
    return { ok: true, monitors: await getMaintenanceMonitors(service, id) };
  }),

  defineHandler(
    'addMaintenanceStatusPage',
    [idSchema, idListSchema('Status pages')],
    async ({ service }, [id, pages]) => {
      await setMaintenanceStatusPages(
        service,
        id,
        pages.map((p) => p.id),
      );
      return { ok: true, msg: ADDED_MSG };
    },
  ),

  defineHandler('getMaintenanceStatusPage', [idSchema], async ({ service }, [id]) => {
    return { ok: true, statusPages: await getMaintenanceStatusPages(service, id) };
  }),
];
