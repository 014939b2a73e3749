import { z } from 'zod';

export const CHECK_QUEUE_NAME = 'checks';

/** Payload of one check job. The monitor's settings are loaded fresh by the worker. */
export const checkJobSchema = z.object({
  monitorId: z.number().int().positive(),
  tenantId: z.number().int().positive(),
  /** When the check was due (epoch ms); lateness = start − dueAt. */
  dueAt: z.number(),
});
export type CheckJob = z.infer<typeof checkJobSchema>;

/**
 * One job id per monitor: BullMQ ignores an add whose id is already waiting or running, so
 * a monitor never has two checks queued or in flight (architecture rule 3), whoever enqueues.
 */
export function checkJobId(monitorId: number): string {
  return `m-${monitorId}`;
}
