import { z } from 'zod';

/**
 * BullMQ queue of check batches. Named apart from the earlier queue of one job per check,
 * so a worker never takes a job of the other shape during a rolling upgrade.
 */
export const CHECK_QUEUE_NAME = 'check-batches';

/** Payload of one check. The monitor's settings are loaded fresh by the worker. */
export const checkJobSchema = z.object({
  monitorId: z.number().int().positive(),
  tenantId: z.number().int().positive(),
  /** When the check was due (epoch ms); lateness = start − dueAt. */
  dueAt: z.number(),
});
export type CheckJob = z.infer<typeof checkJobSchema>;

/**
 * Checks one BullMQ job carries at most. A job's life (add, move to active, lock, finish)
 * costs Redis about forty commands whatever it carries, so a batch pays it once for many
 * checks; bounded so that a killed worker leaves few checks to the stalled-job sweep and
 * one worker does not take far more work than it has free slots for.
 */
export const CHECK_BATCH_MAX = 50;

export const checkBatchSchema = z.object({
  checks: z.array(checkJobSchema).min(1).max(CHECK_BATCH_MAX),
});
export type CheckBatch = z.infer<typeof checkBatchSchema>;
