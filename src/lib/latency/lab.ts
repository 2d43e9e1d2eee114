// Runs at build time, in tests and in the browser: one run of the latency lab — arrivals, the simulation,
// per-second series, a summary, the Erlang C cross-check and the latency-vs-load sweep.
import { deriveSeed, ExponentialDraws, lognormal, mulberry32, type Random } from '../random.ts';
import { poissonArrivals, rateProfile } from './arrivals.ts';
import type { LatencyConfig, ServiceKind } from './config.ts';
import { mmc, type MmcMetrics } from './erlang.ts';
import {
  bucketIndex,
  cumulativeBuckets,
  histogramQuantile,
  percentilesInPlace,
  PROMETHEUS_DEFAULT_BUCKETS_MS,
} from './percentile.ts';
import { OUTCOME, QueueWorkspace, simulateQueue, type QueueOptions, type QueueRun } from './simulate.ts';

/** σ of the logarithm for lognormal service times: a heavy-ish tail (p99 ≈ 10× the median). */
export const LOGNORMAL_SIGMA = 1;

const STREAMS = { arrivals: 1, service: 2, random: 3 } as const;

/**
 * A sampler of single-request service times with the given mean, ms. Exponential times read the kept
 * standard draws of `random` (`draws`), the same numbers `exponential(random, 1 / meanMs)` would give.
 */
export function serviceSampler(
  kind: ServiceKind,
  meanMs: number,
  random: Random,
  draws = new ExponentialDraws(random),
): () => number {
  if (kind === 'constant') return () => meanMs;
  if (kind === 'exponential') {
    const rate = 1 / meanMs;
    let values = draws.upTo(4096);
    let k = 0;
    return () => {
      if (k === values.length) values = draws.upTo(k + 1);
      const v = (values[k] ?? 0) / rate;
      k += 1;
      return v;
    };
  }
  const mu = Math.log(meanMs) - (LOGNORMAL_SIGMA * LOGNORMAL_SIGMA) / 2;
  return () => lognormal(random, mu, LOGNORMAL_SIGMA);
}

/** The simulator's options for a lab configuration (the outage starts at a third of the run). */
export function queueOptions(config: LatencyConfig): QueueOptions {
  const durationMs = config.durationS * 1000;
  const start = durationMs / 3;
  return {
    workers: config.workers,
    queueLimit: config.queueLimit,
    timeoutMs: config.timeoutMs,
    retries: config.retries,
    backoffMs: config.backoffMs,
    jitter: config.jitter,
    maxBatch: config.maxBatch,
    maxWaitMs: config.maxWaitMs,
    batchCost: config.batchCost,
    errorRate: config.errorRate,
    outage: config.outageS > 0 ? { start, end: start + config.outageS * 1000 } : null,
  };
}

/**
 * What consecutive runs of the lab share: the kept random draws of the current seed, the arrivals of the
 * current traffic (reused when only the service side changes) and the simulation's and analysis' arrays.
 * Results computed with a workspace are views of its arrays, valid until its next run.
 */
export class LatencyWorkspace {
  readonly queue = new QueueWorkspace();
  private seed = Number.NaN;
  private arrivalDraws: ExponentialDraws | null = null;
  private serviceDraws: ExponentialDraws | null = null;
  private arrivalKey = '';
  private arrivalBuffer: Float64Array = new Float64Array(0);
  private arrivalTimes: Float64Array = new Float64Array(0);
  latencies = new Float64Array(0);
  succeeded = new Uint8Array(0);

  /** The kept standard exponential draws of the service-time stream of `seed`. */
  serviceDrawsOf(seed: number): ExponentialDraws {
    this.useSeed(seed);
    this.serviceDraws ??= new ExponentialDraws(mulberry32(deriveSeed(seed, STREAMS.service)));
    return this.serviceDraws;
  }

  /** The arrival times of a configuration, computed again only when its traffic changes. */
  arrivals(config: LatencyConfig): Float64Array {
    this.useSeed(config.seed);
    const key = `${config.arrival}|${config.rps}|${config.durationS}`;
    if (key !== this.arrivalKey) {
      this.arrivalDraws ??= new ExponentialDraws(mulberry32(deriveSeed(config.seed, STREAMS.arrivals)));
      const segments = rateProfile(config.arrival, config.rps, config.durationS * 1000);
      this.arrivalTimes = poissonArrivals(segments, this.arrivalDraws, this.arrivalBuffer);
      if (this.arrivalTimes.buffer !== this.arrivalBuffer.buffer)
        this.arrivalBuffer = new Float64Array(this.arrivalTimes.buffer);
      this.arrivalKey = key;
    }
    return this.arrivalTimes;
  }

  /** Forgets the draws kept for another seed. */
  private useSeed(seed: number): void {
    if (seed === this.seed) return;
    this.seed = seed;
    this.arrivalDraws = null;
    this.serviceDraws = null;
    this.arrivalKey = '';
  }
}

/**
 * Runs the simulation for a configuration; the same config (seed included) always gives the same run,
 * with or without a workspace.
 */
export function runSimulation(config: LatencyConfig, workspace?: LatencyWorkspace): QueueRun {
  const serviceRandom = mulberry32(deriveSeed(config.seed, STREAMS.service));
  const random = mulberry32(deriveSeed(config.seed, STREAMS.random));
  if (workspace === undefined) {
    const durationMs = config.durationS * 1000;
    const arrivals = poissonArrivals(
      rateProfile(config.arrival, config.rps, durationMs),
      mulberry32(deriveSeed(config.seed, STREAMS.arrivals)),
    );
    return simulateQueue(arrivals, queueOptions(config), {
      service: serviceSampler(config.service, config.serviceMs, serviceRandom),
      random,
    });
  }
  const arrivals = workspace.arrivals(config);
  const service = serviceSampler(
    config.service,
    config.serviceMs,
    serviceRandom,
    workspace.serviceDrawsOf(config.seed),
  );
  return simulateQueue(arrivals, queueOptions(config), { service, random }, workspace.queue);
}

/** One second of the run. Shares are of the attempts that arrived in that second. */
export interface SecondStats {
  second: number;
  /** Attempts that arrived (original requests and retries), per second. */
  offered: number;
  /** Successful responses finished in this second, per second. */
  throughput: number;
  /** Nearest-rank percentiles of successful attempts' latency, ms; null without successes. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  timeoutShare: number;
  shedShare: number;
  errorShare: number;
  /** Mean queue length seen by arriving attempts. */
  queue: number;
}

export interface RunSummary {
  requests: number;
  attempts: number;
  /** Share of original requests that eventually succeeded (possibly after retries). */
  clientSuccess: number;
  /** Shares of all attempts by outcome. */
  shares: { success: number; timeout: number; shed: number; error: number };
  /** Nearest-rank percentiles of successful attempts' latency, ms (null without successes). */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** What histogram_quantile(0.99, …) would report from Prometheus' default buckets, ms. */
  p99Histogram: number | null;
  meanLatency: number | null;
  /** Mean wait in the queue of attempts a worker served, ms. */
  meanWait: number | null;
  /** Share of served attempts that waited at all. */
  waitedShare: number | null;
  /** Busy time of the workers over workers × duration. */
  utilization: number;
  maxQueue: number;
  /** Successful responses per second over the run. */
  goodput: number;
}

export interface RunAnalysis {
  summary: RunSummary;
  /** Per-second series over [0, durationS): attempts bucketed by arrival, throughput by finish time. */
  seconds: SecondStats[];
}

/**
 * Totals and per-second series of a run in one pass over the attempts plus one selection per second.
 * Attempts come in arrival order, so the latencies of successful attempts, written down in that order,
 * fall into one contiguous group per second of arrival: the per-second percentiles are selected within
 * each group, and the run's percentiles over all of them. A workspace lends its arrays (the result does
 * not keep them).
 */
export function analyseRun(run: QueueRun, config: LatencyConfig, workspace?: LatencyWorkspace): RunAnalysis {
  const a = run.attempts;
  const { outcome, arrival, start, finish, queue, request } = a;
  const n = Math.max(1, Math.ceil(config.durationS));
  const offered = new Float64Array(n);
  const throughput = new Float64Array(n);
  const timeouts = new Float64Array(n);
  const shed = new Float64Array(n);
  const errors = new Float64Array(n);
  const queueSum = new Float64Array(n);
  const queueN = new Float64Array(n);
  // starts[b] … starts[b + 1]: second b's latencies; the last group holds successes that arrived after the run
  const starts = new Int32Array(n + 2);
  let succeeded: Uint8Array;
  let latencies: Float64Array;
  if (workspace === undefined) {
    succeeded = new Uint8Array(run.requests);
    latencies = new Float64Array(a.count);
  } else {
    if (workspace.succeeded.length < run.requests) workspace.succeeded = new Uint8Array(run.requests);
    if (workspace.latencies.length < a.count) workspace.latencies = new Float64Array(a.count);
    succeeded = workspace.succeeded;
    succeeded.fill(0, 0, run.requests);
    latencies = workspace.latencies;
  }
  const bounds = PROMETHEUS_DEFAULT_BUCKETS_MS;
  const histogram = new Float64Array(bounds.length + 1);
  const counts = [0, 0, 0, 0];
  let successes = 0;
  let latSum = 0;
  let clientOk = 0;
  let waitSum = 0;
  let served = 0;
  let waited = 0;
  let maxQueue = 0;
  for (let i = 0; i < a.count; i += 1) {
    const o = outcome[i] ?? 0;
    counts[o] = (counts[o] ?? 0) + 1;
    const t = arrival[i] ?? 0;
    const f = finish[i] ?? Number.NaN;
    const q = queue[i] ?? -1;
    if (q > maxQueue) maxQueue = q;
    if (!Number.isNaN(f)) {
      const wait = (start[i] ?? 0) - t;
      waitSum += wait;
      served += 1;
      if (wait > 1e-9) waited += 1;
    }
    const b = Math.min(n, Math.floor(t / 1000));
    if (o === OUTCOME.success) {
      const r = request[i] ?? 0;
      if (succeeded[r] === 0) {
        succeeded[r] = 1;
        clientOk += 1;
      }
      const latency = f - t;
      latencies[successes] = latency;
      successes += 1;
      latSum += latency;
      const k = bucketIndex(latency, bounds);
      histogram[k] = (histogram[k] ?? 0) + 1;
      starts[b + 1] = (starts[b + 1] ?? 0) + 1;
      const fb = Math.floor(f / 1000);
      if (fb < n) throughput[fb] = (throughput[fb] ?? 0) + 1;
    }
    if (b >= n) continue;
    offered[b] = (offered[b] ?? 0) + 1;
    if (o === OUTCOME.timeout) timeouts[b] = (timeouts[b] ?? 0) + 1;
    else if (o === OUTCOME.shed) shed[b] = (shed[b] ?? 0) + 1;
    else if (o === OUTCOME.error) errors[b] = (errors[b] ?? 0) + 1;
    if (q >= 0) {
      queueSum[b] = (queueSum[b] ?? 0) + q;
      queueN[b] = (queueN[b] ?? 0) + 1;
    }
  }
  for (let b = 1; b <= n + 1; b += 1) starts[b] = (starts[b] ?? 0) + (starts[b - 1] ?? 0);
  const seconds: SecondStats[] = [];
  for (let b = 0; b < n; b += 1) {
    const lo = starts[b] ?? 0;
    const hi = starts[b + 1] ?? 0;
    const [p50 = null, p95 = null, p99 = null] = hi > lo ? percentilesInPlace(latencies, lo, hi, [50, 95, 99]) : [];
    const arrived = offered[b] ?? 0;
    seconds.push({
      second: b,
      offered: arrived,
      throughput: throughput[b] ?? 0,
      p50,
      p95,
      p99,
      timeoutShare: arrived > 0 ? (timeouts[b] ?? 0) / arrived : 0,
      shedShare: arrived > 0 ? (shed[b] ?? 0) / arrived : 0,
      errorShare: arrived > 0 ? (errors[b] ?? 0) / arrived : 0,
      queue: (queueN[b] ?? 0) > 0 ? (queueSum[b] ?? 0) / (queueN[b] ?? 1) : 0,
    });
  }
  const total = Math.max(1, a.count);
  const [p50 = null, p95 = null, p99 = null] =
    successes > 0 ? percentilesInPlace(latencies, 0, successes, [50, 95, 99]) : [];
  const p99Histogram = successes > 0 ? histogramQuantile(0.99, cumulativeBuckets(histogram, bounds)) : null;
  return {
    summary: {
      requests: run.requests,
      attempts: a.count,
      clientSuccess: run.requests > 0 ? clientOk / run.requests : 0,
      shares: {
        success: (counts[OUTCOME.success] ?? 0) / total,
        timeout: (counts[OUTCOME.timeout] ?? 0) / total,
        shed: (counts[OUTCOME.shed] ?? 0) / total,
        error: (counts[OUTCOME.error] ?? 0) / total,
      },
      p50,
      p95,
      p99,
      p99Histogram,
      meanLatency: successes > 0 ? latSum / successes : null,
      meanWait: served > 0 ? waitSum / served : null,
      waitedShare: served > 0 ? waited / served : null,
      utilization: run.busyMs / (config.workers * config.durationS * 1000),
      maxQueue,
      goodput: (counts[OUTCOME.success] ?? 0) / config.durationS,
    },
    seconds,
  };
}

/**
 * Whether a configuration is an M/M/c queue, where Erlang C applies: Poisson arrivals, exponential
 * service, no batching, and no queue limit, timeouts, errors or outage.
 */
export function isMmc(config: LatencyConfig): boolean {
  return (
    config.arrival === 'poisson' &&
    config.service === 'exponential' &&
    config.maxBatch === 1 &&
    config.queueLimit === 0 &&
    config.timeoutMs === 0 &&
    config.errorRate === 0 &&
    config.outageS === 0
  );
}

/** The Erlang C prediction (times in ms) for an M/M/c configuration below capacity; otherwise null. */
export function erlangCheck(config: LatencyConfig): MmcMetrics | null {
  if (!isMmc(config)) return null;
  return mmc({ arrivalRate: config.rps / 1000, serviceRate: 1 / config.serviceMs, servers: config.workers });
}

/**
 * Requests per second the workers can serve at most: c / service time, or with full batches
 * c·B / (service·(1 + batchCost·(B − 1))).
 */
export function capacity(config: LatencyConfig): number {
  const batchMs = config.serviceMs * (1 + config.batchCost * (config.maxBatch - 1));
  return (config.workers * config.maxBatch * 1000) / batchMs;
}

/** Load levels of the sweep, as shares of `capacity`. */
export const SWEEP_LOADS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1, 1.1, 1.2] as const;

export interface SweepPoint {
  load: number;
  rps: number;
  p50: number | null;
  p99: number | null;
  meanLatency: number | null;
  /** Erlang C mean response time, ms, where the M/M/c formula applies. */
  erlangMean: number | null;
  failedShare: number;
}

/**
 * Latency against load: the same service under steady Poisson traffic at each of SWEEP_LOADS × capacity,
 * `requestsPerPoint` requests each, no outage. The knee where latency takes off sits near load 1.
 */
export function latencyVsLoad(config: LatencyConfig, requestsPerPoint = 5000): SweepPoint[] {
  const cap = capacity(config);
  return SWEEP_LOADS.map((load) => {
    const rps = load * cap;
    const point: LatencyConfig = {
      ...config,
      arrival: 'poisson',
      rps,
      durationS: requestsPerPoint / rps,
      outageS: 0,
    };
    const { summary } = analyseRun(runSimulation(point), point);
    return {
      load,
      rps,
      p50: summary.p50,
      p99: summary.p99,
      meanLatency: summary.meanLatency,
      erlangMean: erlangCheck(point)?.meanResponse ?? null,
      failedShare: 1 - summary.clientSuccess,
    };
  });
}
