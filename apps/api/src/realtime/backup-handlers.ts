import { z } from 'zod';
import { importBackup, importHandleSchema } from '@watchpost/core/services';
import { defineHandler, type SocketHandler } from './define-handler.js';

// Literal text of docs/protocol/compatibility.md#literal-strings.
const RESTORED_MSG = 'Backup successfully restored.';

export const backupHandlers: readonly SocketHandler[] = [
  // `uploadBackup` (docs/protocol/settings.md#uploadbackup) (jsonString, importHandle): a bad entry anywhere answers
  // ok:false with nothing changed; the lists reach the room before the ack.
  defineHandler(
    'uploadBackup',
    [z.unknown(), importHandleSchema],
    async ({ service }, [jsonString, mode]) => {
      await importBackup(service, jsonString, mode);
      return { ok: true, msg: RESTORED_MSG };
    },
  ),
];
