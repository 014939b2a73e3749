import { monitorRepository, type Database } from '@watchpost/core/db';
import {
  beatMessage,
  DEFAULT_RETRY_POLICY,
  deliveryRepository,
  nextAttemptAfterFailure,
  providerFor,
  textMessage,
  toProviderMonitorJson,
  UNSUPPORTED_TYPE_MSG,
  loggableProviderError,
  type DeliveryToAttempt,
  type NotificationMessage,
  type RetryPolicy,
} from '@watchpost/core/notifications';
import { ALLOW_PRIVATE, type EgressPolicy } from '@watchpost/core/egress';
import type { DeliveryConsumer, DeliveryQueue } from '@watchpost/core/queue';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { silentObserver, type WorkerObserver } from '../worker-observer.js';

export interface DeliveryRunnerDeps {
  db: Kysely<Database>;
  queue: DeliveryQueue;
  /** Bounds how many deliveries are attempted at once, apart from the checks. */
  consumer: DeliveryConsumer;
  logger: Logger;
  retry?: RetryPolicy;
  /** How often due deliveries are looked up and queued; bounds how late an alert leaves. */
  sweepEveryMs?: number;
  /** Upper bound of one attempt. */
  attemptTimeoutMs?: number;
  observer?: WorkerObserver;
  now?: () => number;
  /** What deliveries may connect to (architecture rule 10); unset allows every address. */
  egress?: EgressPolicy;
}

export interface RunningDeliveryRunner {
  /** Queues every due delivery now (tests); answers how many. */
  sweep(): Promise<number>;
  /** Stops sweeping and taking jobs; lets running attempts finish and be recorded. */
  close(): Promise<void>;
}

const SWEEP_BATCH = 500;

/**
 * Delivers notifications. The deliveries are rows written with the beats that call for them
 * (recordBeats), so the queue is only the trigger: a sweep queues every due row, the job id
 * per delivery keeps a row from running twice at once, and whatever a crash loses is found
 * again by the next sweep. Each attempt is recorded; a failure is retried with backoff until
 * the retry window closes. Checks never wait for any of it: this is its own queue.
 */
export async function startDeliveryRunner(
  deps: DeliveryRunnerDeps,
): Promise<RunningDeliveryRunner> {
  const { db, logger } = deps;
  const now = deps.now ?? Date.now;
  const retry = deps.retry ?? DEFAULT_RETRY_POLICY;
  const observer = deps.observer ?? silentObserver;
  const timeoutMs = deps.attemptTimeoutMs ?? 20_000;

  async function attempt(deliveryId: number): Promise<void> {
    const delivery = await deliveryRepository.loadPendingDelivery(db, deliveryId);
    if (!delivery) return; // settled meanwhile, or its notification was deleted
    const type = String(delivery.config.type ?? '');
    const provider = providerFor(type);
    const startedAt = now();
    let error: string | null = null;
    try {
      if (!provider) throw new Error(UNSUPPORTED_TYPE_MSG);
      const message = await messageOf(delivery);
      await provider.send(delivery.config, message, {
        baseUrl: delivery.baseUrl,
        timeoutMs,
        egress: deps.egress ?? ALLOW_PRIVATE,
      });
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
    const attemptedAt = new Date(now());
    // An unknown type will not become known by waiting.
    const retryAt =
      error === null || !provider
        ? null
        : nextAttemptAfterFailure(retry, delivery.attempts + 1, delivery.createdAt, attemptedAt);
    await deliveryRepository.recordDeliveryAttempt(db, {
      deliveryId,
      tenantId: delivery.tenantId,
      provider: type,
      attemptedAt,
      durationMs: attemptedAt.getTime() - startedAt,
      error,
      retryAt,
    });
    observer.deliveryAttempted(type, error === null ? 'sent' : 'failed');
    if (error !== null) {
      // The error text is the provider's answer, which may repeat the config (tokens, URLs)
      // or the request's headers: logged only without them, and short.
      logger.warn(
        {
          deliveryId,
          provider: type,
          retryAt,
          error: loggableProviderError(error, delivery.config),
        },
        retryAt ? 'notification delivery failed; will retry' : 'notification delivery given up',
      );
    }
  }

  async function messageOf(delivery: DeliveryToAttempt): Promise<NotificationMessage> {
    if (delivery.kind !== 'beat' || !delivery.beat || delivery.monitorId === null) {
      return textMessage(delivery.msg ?? '');
    }
    const monitor = await monitorRepository.findMonitor(db, delivery.tenantId, delivery.monitorId);
    return beatMessage(
      delivery.monitorId,
      monitor?.name ?? delivery.monitorName ?? '',
      delivery.beat,
      monitor ? toProviderMonitorJson(monitor) : null,
      delivery.timeZone,
    );
  }

  async function sweep(): Promise<number> {
    const ids = await deliveryRepository.listDueDeliveryIds(db, new Date(now()), SWEEP_BATCH);
    await deps.queue.enqueue(ids.map((deliveryId) => ({ deliveryId })));
    return ids.length;
  }

  await deps.consumer.start({
    run: (job) => attempt(job.deliveryId),
    completed() {},
    failed(job, error) {
      // Recording the attempt failed (the database is away): the row is still due, so the
      // next sweep tries again.
      logger.error({ err: error, deliveryId: job?.deliveryId }, 'notification attempt failed');
    },
  });

  // One sweep at a time; a slow one makes the next tick skip rather than pile up.
  let sweeping: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    sweeping ??= sweep()
      .catch((error: unknown) => logger.error({ err: error }, 'delivery sweep failed'))
      .finally(() => (sweeping = undefined));
  }, deps.sweepEveryMs ?? 1_000);

  return {
    sweep,
    async close() {
      clearInterval(timer);
      await sweeping;
      await deps.consumer.close();
    },
  };
}
