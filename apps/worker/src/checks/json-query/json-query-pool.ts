import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { MAX_CONTENT_CHARS } from '../content-cap.js';
import { JSON_QUERY_CHILD_SOURCE } from './json-query-child.js';

/** One evaluation: the response body (text), the tenant's expression and expected value. */
export interface JsonQueryTask {
  /** Whose task it is: tasks are taken round-robin by tenant, so one cannot hog the pool. */
  tenantId: number;
  body: string;
  expression: string;
  expectedValue: string | null;
}

export type JsonQueryOutcome =
  | { kind: 'value'; matches: boolean; value: string }
  | { kind: 'bad-json'; error: string }
  | { kind: 'failed'; error: string };

export interface JsonQueryEvaluator {
  evaluate(task: JsonQueryTask): Promise<JsonQueryOutcome>;
  close(): Promise<void>;
}

export interface JsonQueryLimits {
  processes: number;
  /** Wall time one evaluation may take before its process is killed. */
  timeoutMs: number;
  /** Heap of one process; an expression that builds a huge value fails instead of the worker. */
  maxHeapMb: number;
  /** Characters of the value handed back (the comparison uses the whole value). */
  maxValueChars: number;
}

export const DEFAULT_JSON_QUERY_LIMITS: JsonQueryLimits = {
  processes: 2,
  // JSONata over a 1 MiB body takes milliseconds; a second only ever stops a runaway.
  timeoutMs: 1_000,
  maxHeapMb: 64,
  maxValueChars: MAX_CONTENT_CHARS,
};

interface Pending extends JsonQueryTask {
  id: number;
  resolve(outcome: JsonQueryOutcome): void;
}

interface Slot {
  child: ChildProcess;
  /** A task's time starts only once its process has started: booting is not the task's. */
  ready: boolean;
  running: Pending | null;
  timer: NodeJS.Timeout | null;
}

const jsonataPath = createRequire(import.meta.url).resolve('jsonata');

let shared: JsonQueryEvaluator | undefined;

/**
 * The worker's pool, started on the first json-query check. Its processes do not keep the
 * worker alive and end with it, so a role stops without closing it.
 */
export function sharedJsonQueryPool(): JsonQueryEvaluator {
  shared ??= createJsonQueryPool();
  return shared;
}

/**
 * Evaluates JSON queries in a small pool of child processes, so that an expression that never
 * ends (`($f:=function($n){$f($n+1)};$f(0))`), never yields or eats memory stops only its own
 * process: the checks keep their event loop, and a process past its time is killed, which
 * holds whatever it is doing, and replaced. Processes rather than worker threads: a thread
 * that reaches its heap limit in the middle of an allocation takes the whole worker down.
 */
export function createJsonQueryPool(
  limits: JsonQueryLimits = DEFAULT_JSON_QUERY_LIMITS,
): JsonQueryEvaluator {
  const queues = new Map<number, Pending[]>();
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  function startProcess(): Slot {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${limits.maxHeapMb}`, '-e', JSON_QUERY_CHILD_SOURCE, jsonataPath],
      // Nothing of the worker's environment (its secrets) reaches code that runs tenants' input.
      { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], env: {} },
    );
    const slot: Slot = { child, ready: false, running: null, timer: null };
    child.unref();
    child.channel?.unref();
    child.on('message', (outcome: (JsonQueryOutcome & { id: number }) | { kind: 'ready' }) => {
      if (outcome.kind === 'ready') {
        slot.ready = true;
        runNext(slot);
        return;
      }
      if (slot.running?.id !== outcome.id) return;
      const { id: _id, ...answer } = outcome;
      finish(slot, answer);
    });
    // Out of memory, or any other death: the task fails, the slot gets a new process.
    child.on('exit', (code, signal) => {
      const outOfMemory = signal === 'SIGABRT' || code === 134;
      replace(
        slot,
        outOfMemory
          ? `the JSON query used more than ${limits.maxHeapMb} MB`
          : 'the JSON query evaluator stopped',
      );
    });
    child.on('error', () => replace(slot, 'the JSON query evaluator could not start'));
    return slot;
  }

  function finish(slot: Slot, outcome: JsonQueryOutcome): void {
    const task = slot.running;
    if (slot.timer) clearTimeout(slot.timer);
    slot.running = null;
    slot.timer = null;
    task?.resolve(outcome);
    runNext(slot);
  }

  function replace(slot: Slot, error: string): void {
    const index = slots.indexOf(slot);
    const task = slot.running;
    slot.running = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.child.removeAllListeners();
    slot.child.kill('SIGKILL');
    task?.resolve({ kind: 'failed', error });
    if (closed || index < 0) return;
    const fresh = startProcess();
    slots[index] = fresh;
    runNext(fresh);
  }

  // Round-robin over tenants: the tenant whose task runs goes to the back of the line.
  function takeNext(): Pending | undefined {
    for (const [tenantId, queue] of queues) {
      queues.delete(tenantId);
      const task = queue.shift();
      if (queue.length > 0) queues.set(tenantId, queue);
      if (task) return task;
    }
    return undefined;
  }

  function runNext(slot: Slot): void {
    if (!slot.ready || slot.running || closed) return;
    const task = takeNext();
    if (!task) return;
    slot.running = task;
    slot.timer = setTimeout(
      () => replace(slot, `the JSON query took longer than ${limits.timeoutMs} ms`),
      limits.timeoutMs,
    );
    slot.child.send({
      id: task.id,
      body: task.body,
      expression: task.expression,
      expectedValue: task.expectedValue,
      maxChars: limits.maxValueChars,
    });
  }

  for (let i = 0; i < limits.processes; i++) slots.push(startProcess());

  return {
    evaluate(task) {
      if (closed) return Promise.reject(new Error('the JSON query pool is closed'));
      return new Promise((resolve) => {
        const pending: Pending = { ...task, id: nextId++, resolve };
        const queue = queues.get(task.tenantId);
        if (queue) queue.push(pending);
        else queues.set(task.tenantId, [pending]);
        const idle = slots.find((s) => s.ready && s.running === null);
        if (idle) runNext(idle);
      });
    },
    async close() {
      closed = true;
      for (const slot of slots) {
        if (slot.timer) clearTimeout(slot.timer);
        slot.running?.resolve({ kind: 'failed', error: 'the worker is stopping' });
        slot.running = null;
      }
      for (const queue of queues.values()) {
        for (const task of queue) task.resolve({ kind: 'failed', error: 'the worker is stopping' });
      }
      queues.clear();
      for (const slot of slots) {
        slot.child.removeAllListeners();
        slot.child.kill('SIGKILL');
      }
    },
  };
}
