import { z } from 'zod';

export const DELIVERY_QUEUE_NAME = 'notifications';

/** Payload of one delivery attempt; everything else is read from the delivery's row. */
export const deliveryJobSchema = z.object({ deliveryId: z.number().int().positive() });
export type DeliveryJob = z.infer<typeof deliveryJobSchema>;

/** One job id per delivery: a delivery never has two attempts queued or running. */
export function deliveryJobId(deliveryId: number): string {
  return `d-${deliveryId}`;
}
