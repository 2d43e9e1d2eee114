// Runs at build time, in tests and in the browser: a discrete-event simulation of an inference service —
// a FIFO queue in front of c workers, with a queue limit, client timeouts, retries with exponential
// backoff and jitter, batching, random server errors and a network outage.
import type { Random } from '../random.ts';

/** How an attempt ended. */
export const OUTCOME = { success: 0, timeout: 1, shed: 2, error: 3 } as const;
export type Outcome = (typeof OUTCOME)[keyof typeof OUTCOME];

export interface QueueOptions {
  workers: number;
  /** Most requests allowed to wait; an arrival that finds that many waiting is shed. 0 = unlimited. */
  queueLimit: number;
  /** Client timeout per attempt, ms; 0 = none. */
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  jitter: boolean;
  maxBatch: number;
  maxWaitMs: number;
  /** A batch of k takes service × (1 + batchCost·(k − 1)). */
  batchCost: number;
  errorRate: number;
  /** While the network is down, attempts hang and fail at min(arrival + timeout, end). */
  outage: { start: number; end: number } | null;
}

export interface Samplers {
  /** Draws a single request's service time, ms. */
  service: () => number;
  /** Uniform numbers for server errors and retry jitter. */
  random: Random;
}

/**
 * Delay before retry number `retry` (1-based): backoffMs·2^(retry−1), or with full jitter a uniform draw
 * from [0, that] (Brooker, «Exponential Backoff And Jitter», AWS Architecture Blog, 2015).
 * @example backoffDelay(3, 100, false, random) // 400
 */
export function backoffDelay(retry: number, backoffMs: number, jitter: boolean, random: Random): number {
  const ceiling = backoffMs * 2 ** (retry - 1);
  return jitter ? random() * ceiling : ceiling;
}

/** Every attempt of a run, as parallel arrays of length `count` (one row per attempt, in arrival order). */
export interface Attempts {
  count: number;
  /** Index of the original request. */
  request: Int32Array;
  /** 0 for the first try, k for the k-th retry. */
  attempt: Int32Array;
  arrival: Float64Array;
  /** When a worker took it (NaN if it never reached one). */
  start: Float64Array;
  /** When the server finished it (NaN if it was not served). */
  finish: Float64Array;
  /** When the client learned the outcome. */
  end: Float64Array;
  outcome: Uint8Array;
  /** Requests waiting when it arrived (−1 if it never reached the server). */
  queue: Int32Array;
}

export interface QueueRun {
  attempts: Attempts;
  requests: number;
  /** Total time workers spent serving, ms. */
  busyMs: number;
}

class AttemptLog implements Attempts {
  count = 0;
  request: Int32Array;
  attempt: Int32Array;
  arrival: Float64Array;
  start: Float64Array;
  finish: Float64Array;
  end: Float64Array;
  outcome: Uint8Array;
  queue: Int32Array;

  constructor(capacity = 1024) {
    this.request = new Int32Array(capacity);
    this.attempt = new Int32Array(capacity);
    this.arrival = new Float64Array(capacity);
    this.start = new Float64Array(capacity);
    this.finish = new Float64Array(capacity);
    this.end = new Float64Array(capacity);
    this.outcome = new Uint8Array(capacity);
    this.queue = new Int32Array(capacity);
  }

  /** Empties the log, keeping its arrays; grows them to `capacity` rows at once if they are smaller. */
  reset(capacity: number): void {
    this.count = 0;
    if (this.arrival.length < capacity) this.grow(capacity);
  }

  push(request: number, attempt: number, arrival: number): number {
    if (this.count === this.arrival.length) this.grow();
    const i = this.count;
    this.request[i] = request;
    this.attempt[i] = attempt;
    this.arrival[i] = arrival;
    this.start[i] = Number.NaN;
    this.finish[i] = Number.NaN;
    this.queue[i] = -1;
    this.count += 1;
    return i;
  }

  /** The log as plain arrays of exactly `count` rows. */
  trimmed(): Attempts {
    const n = this.count;
    return {
      count: n,
      request: this.request.subarray(0, n),
      attempt: this.attempt.subarray(0, n),
      arrival: this.arrival.subarray(0, n),
      start: this.start.subarray(0, n),
      finish: this.finish.subarray(0, n),
      end: this.end.subarray(0, n),
      outcome: this.outcome.subarray(0, n),
      queue: this.queue.subarray(0, n),
    };
  }

  private grow(size = this.arrival.length * 2 + 16): void {
    const copy = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a.subarray(0, this.count));
      return b;
    };
    this.request = copy(this.request, (n) => new Int32Array(n));
    this.attempt = copy(this.attempt, (n) => new Int32Array(n));
    this.arrival = copy(this.arrival, (n) => new Float64Array(n));
    this.start = copy(this.start, (n) => new Float64Array(n));
    this.finish = copy(this.finish, (n) => new Float64Array(n));
    this.end = copy(this.end, (n) => new Float64Array(n));
    this.outcome = copy(this.outcome, (n) => new Uint8Array(n));
    this.queue = copy(this.queue, (n) => new Int32Array(n));
  }
}

/** Binary min-heap of scheduled retries: time, request, retry number. */
class RetryHeap {
  size = 0;
  private time = new Float64Array(64);
  private request = new Int32Array(64);
  private attempt = new Int32Array(64);

  peek(): number {
    return this.size > 0 ? (this.time[0] ?? Infinity) : Infinity;
  }

  push(time: number, request: number, attempt: number): void {
    if (this.size === this.time.length) {
      const t = new Float64Array(this.size * 2);
      t.set(this.time);
      this.time = t;
      const r = new Int32Array(this.size * 2);
      r.set(this.request);
      this.request = r;
      const a = new Int32Array(this.size * 2);
      a.set(this.attempt);
      this.attempt = a;
    }
    let i = this.size;
    this.size += 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((this.time[parent] ?? 0) <= time) break;
      this.move(parent, i);
      i = parent;
    }
    this.time[i] = time;
    this.request[i] = request;
    this.attempt[i] = attempt;
  }

  /** The request and retry number of the retry `pop` removed last. */
  poppedRequest = 0;
  poppedAttempt = 0;

  clear(): void {
    this.size = 0;
  }

  /** Removes the earliest retry and returns its time; its request and number go to `popped…`. */
  pop(): number {
    const time = this.time[0] ?? 0;
    this.poppedRequest = this.request[0] ?? 0;
    this.poppedAttempt = this.attempt[0] ?? 0;
    this.size -= 1;
    const last = this.size;
    const t = this.time[last] ?? 0;
    const r = this.request[last] ?? 0;
    const a = this.attempt[last] ?? 0;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && (this.time[right] ?? 0) < (this.time[left] ?? 0) ? right : left;
      if ((this.time[child] ?? 0) >= t) break;
      this.move(child, i);
      i = child;
    }
    this.time[i] = t;
    this.request[i] = r;
    this.attempt[i] = a;
    return time;
  }

  private move(from: number, to: number): void {
    this.time[to] = this.time[from] ?? 0;
    this.request[to] = this.request[from] ?? 0;
    this.attempt[to] = this.attempt[from] ?? 0;
  }
}

/** Replaces the smallest free time of the workers' min-heap with `value`. */
function replaceMin(heap: Float64Array, value: number): void {
  const n = heap.length;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= n) break;
    const right = left + 1;
    const child = right < n && (heap[right] ?? 0) < (heap[left] ?? 0) ? right : left;
    if ((heap[child] ?? 0) >= value) break;
    heap[i] = heap[child] ?? 0;
    i = child;
  }
  heap[i] = value;
}

/**
 * The arrays a simulation fills, kept from run to run so that a slider input does not allocate and
 * zero megabytes of memory: a run's attempts are views of them, valid until the workspace's next run.
 */
export class QueueWorkspace {
  readonly log = new AttemptLog();
  readonly retries = new RetryHeap();
  dispatchTimes = new Float64Array(0);
}

/**
 * Runs the service over `arrivals` (ms, ascending; one per original request) and returns every attempt.
 *
 * Model. Requests queue FIFO; a free worker takes up to `maxBatch` waiting requests, waiting at most
 * `maxWaitMs` after the first of them arrived for the batch to fill (maxBatch = 1: plain FIFO, c workers).
 * A batch of k takes one service draw × (1 + batchCost·(k − 1)). An arrival that finds `queueLimit`
 * requests waiting is shed at once. A request whose client has already timed out when a worker reaches it
 * is dropped unserved; one that is served too slowly still occupies the worker, but the client has left at
 * arrival + timeout. A served attempt fails with probability `errorRate`. During the outage attempts never
 * reach the server. A failed attempt (timeout, shed, error) is retried after `backoffDelay`, up to
 * `retries` times; a retry is a new arrival.
 *
 * Because FIFO start times never decrease, each arrival's fate is known when it arrives (the
 * Kiefer–Wolfowitz recursion), so the run takes O(n log c) instead of a general event calendar.
 */
export function simulateQueue(
  arrivals: Float64Array,
  options: QueueOptions,
  samplers: Samplers,
  workspace = new QueueWorkspace(),
): QueueRun {
  const { timeoutMs, queueLimit, maxBatch, outage, errorRate } = options;
  const capacity = Math.ceil(arrivals.length * 1.2) + 16;
  const { log, retries } = workspace;
  log.reset(capacity);
  retries.clear();
  const workers = new Float64Array(Math.max(1, options.workers));
  const open = new Int32Array(Math.max(1, maxBatch));
  if (workspace.dispatchTimes.length < capacity) workspace.dispatchTimes = new Float64Array(capacity);
  let dispatchTimes = workspace.dispatchTimes;
  let dispatched = 0;
  let started = 0;
  let openCount = 0;
  let openTime = 0;
  let lastDispatch = 0;
  let clock = 0;
  let busyMs = 0;
  let next = 0;

  const fail = (index: number, outcome: Outcome, at: number): void => {
    log.outcome[index] = outcome;
    log.end[index] = at;
    const attempt = log.attempt[index] ?? 0;
    if (attempt >= options.retries) return;
    const delay = backoffDelay(attempt + 1, options.backoffMs, options.jitter, samplers.random);
    retries.push(Math.max(clock, at + delay), log.request[index] ?? 0, attempt + 1);
  };

  const dispatch = (at: number): void => {
    const d = Math.max(at, lastDispatch);
    lastDispatch = d;
    if (dispatched + openCount > dispatchTimes.length) {
      const bigger = new Float64Array((dispatched + openCount) * 2);
      bigger.set(dispatchTimes);
      dispatchTimes = bigger;
    }
    let kept = 0;
    for (let k = 0; k < openCount; k += 1) {
      const index = open[k] ?? 0;
      dispatchTimes[dispatched] = d;
      dispatched += 1;
      const arrival = log.arrival[index] ?? 0;
      log.start[index] = d;
      if (timeoutMs > 0 && d - arrival >= timeoutMs) fail(index, OUTCOME.timeout, arrival + timeoutMs);
      else {
        open[kept] = index;
        kept += 1;
      }
    }
    openCount = 0;
    if (kept === 0) return;
    const service = samplers.service() * (1 + options.batchCost * (kept - 1));
    const finish = d + service;
    busyMs += service;
    replaceMin(workers, finish);
    for (let k = 0; k < kept; k += 1) {
      const index = open[k] ?? 0;
      const arrival = log.arrival[index] ?? 0;
      log.finish[index] = finish;
      if (errorRate > 0 && samplers.random() < errorRate) fail(index, OUTCOME.error, finish);
      else if (timeoutMs > 0 && finish - arrival > timeoutMs) fail(index, OUTCOME.timeout, arrival + timeoutMs);
      else {
        log.outcome[index] = OUTCOME.success;
        log.end[index] = finish;
      }
    }
  };

  for (;;) {
    const nextOriginal = next < arrivals.length ? (arrivals[next] ?? Infinity) : Infinity;
    const nextRetry = retries.peek();
    const t = Math.min(nextOriginal, nextRetry);
    if (openCount > 0) {
      const deadline = Math.max(workers[0] ?? 0, openTime + options.maxWaitMs);
      if (deadline < t) {
        clock = Math.max(clock, deadline);
        dispatch(deadline);
        continue;
      }
    }
    if (t === Infinity) break;
    let index: number;
    if (nextOriginal <= nextRetry) {
      index = log.push(next, 0, t);
      next += 1;
    } else {
      const time = retries.pop();
      index = log.push(retries.poppedRequest, retries.poppedAttempt, time);
    }
    clock = t;
    if (outage !== null && t >= outage.start && t < outage.end) {
      const timedOut = timeoutMs > 0 && t + timeoutMs < outage.end;
      fail(index, timedOut ? OUTCOME.timeout : OUTCOME.error, timedOut ? t + timeoutMs : outage.end);
      continue;
    }
    while (started < dispatched && (dispatchTimes[started] ?? 0) <= t) started += 1;
    const waiting = dispatched - started + openCount;
    log.queue[index] = waiting;
    if (queueLimit > 0 && waiting >= queueLimit) {
      fail(index, OUTCOME.shed, t);
      continue;
    }
    if (maxBatch === 1) {
      // Without batching a request starts when the earliest worker is free: the same steps as `dispatch`
      // for a batch of one, inlined because this is the lab's common case and a quarter faster so.
      const free = workers[0] ?? 0;
      const d = free > t ? free : t;
      if (dispatched === dispatchTimes.length) {
        const bigger = new Float64Array(dispatched * 2);
        bigger.set(dispatchTimes);
        dispatchTimes = bigger;
      }
      dispatchTimes[dispatched] = d;
      dispatched += 1;
      log.start[index] = d;
      if (timeoutMs > 0 && d - t >= timeoutMs) {
        fail(index, OUTCOME.timeout, t + timeoutMs);
        continue;
      }
      const service = samplers.service();
      const finish = d + service;
      busyMs += service;
      replaceMin(workers, finish);
      log.finish[index] = finish;
      if (errorRate > 0 && samplers.random() < errorRate) fail(index, OUTCOME.error, finish);
      else if (timeoutMs > 0 && finish - t > timeoutMs) fail(index, OUTCOME.timeout, t + timeoutMs);
      else {
        log.outcome[index] = OUTCOME.success;
        log.end[index] = finish;
      }
      continue;
    }
    if (openCount === 0) openTime = t;
    open[openCount] = index;
    openCount += 1;
    if (openCount >= maxBatch) dispatch(Math.max(workers[0] ?? 0, t));
  }
  workspace.dispatchTimes = dispatchTimes;
  return { attempts: log.trimmed(), requests: arrivals.length, busyMs };
}
