// Runs at build time, in tests and in the browser: one run of the latency lab — arrivals, the simulation,
// per-second series, a summary, the Erlang C cross-check and the latency-vs-load sweep.
import { deriveSeed, exponential, lognormal, mulberry32, type Random } from '../random.ts';
import { poissonArrivals, rateProfile } from './arrivals.ts';
import type { LatencyConfig, ServiceKind } from './config.ts';
import { mmc, type MmcMetrics } from './erlang.ts';
import {
  cumulativeHistogram,
  histogramQuantile,
  percentilesInPlace,
  PROMETHEUS_DEFAULT_BUCKETS_MS,
} from './percentile.ts';
import { OUTCOME, simulateQueue, type QueueOptions, type QueueRun } from './simulate.ts';

/** σ of the logarithm for lognormal service times: a heavy-ish tail (p99 ≈ 10× the median). */
export const LOGNORMAL_SIGMA = 1;

const STREAMS = { arrivals: 1, service: 2, random: 3 } as const;

/** A sampler of single-request service times with the given mean, ms. */
export function serviceSampler(kind: ServiceKind, meanMs: number, random: Random): () => number {
  if (kind === 'constant') return () => meanMs;
  if (kind === 'exponential') return () => exponential(random, 1 / meanMs);
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

/** Runs the simulation for a configuration; the same config (seed included) always gives the same run. */
export function runSimulation(config: LatencyConfig): QueueRun {
  const durationMs = config.durationS * 1000;
  const arrivals = poissonArrivals(
    rateProfile(config.arrival, config.rps, durationMs),
    mulberry32(deriveSeed(config.seed, STREAMS.arrivals)),
  );
  return simulateQueue(arrivals, queueOptions(config), {
    service: serviceSampler(config.service, config.serviceMs, mulberry32(deriveSeed(config.seed, STREAMS.service))),
    random: mulberry32(deriveSeed(config.seed, STREAMS.random)),
  });
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
 * Totals and per-second series of a run, in one pass over the attempts plus one selection per second:
 * latencies of successful attempts are grouped by the second they arrived in (a counting sort), the
 * per-second percentiles are selected within each group, and the run's percentiles over all of them.
 */
export function analyseRun(run: QueueRun, config: LatencyConfig): RunAnalysis {
  const a = run.attempts;
  const n = Math.max(1, Math.ceil(config.durationS));
  const offered = new Float64Array(n);
  const throughput = new Float64Array(n);
  const timeouts = new Float64Array(n);
  const shed = new Float64Array(n);
  const errors = new Float64Array(n);
  const queueSum = new Float64Array(n);
  const queueN = new Float64Array(n);
  // starts[b] … starts[b + 1]: where second b's latencies go; the last group holds successes after the run
  const starts = new Int32Array(n + 2);
  const succeeded = new Uint8Array(run.requests);
  const counts = [0, 0, 0, 0];
  let waitSum = 0;
  let served = 0;
  let waited = 0;
  let maxQueue = 0;
  const bucketOf = (t: number) => Math.min(n, Math.floor(t / 1000));
  for (let i = 0; i < a.count; i += 1) {
    const outcome = a.outcome[i] ?? 0;
    counts[outcome] = (counts[outcome] ?? 0) + 1;
    const arrival = a.arrival[i] ?? 0;
    const finish = a.finish[i] ?? Number.NaN;
    const q = a.queue[i] ?? -1;
    if (q > maxQueue) maxQueue = q;
    if (!Number.isNaN(finish)) {
      const wait = (a.start[i] ?? 0) - arrival;
      waitSum += wait;
      served += 1;
      if (wait > 1e-9) waited += 1;
    }
    const b = bucketOf(arrival);
    if (outcome === OUTCOME.success) {
      succeeded[a.request[i] ?? 0] = 1;
      starts[b + 1] = (starts[b + 1] ?? 0) + 1;
      const f = bucketOf(finish);
      if (f < n) throughput[f] = (throughput[f] ?? 0) + 1;
    }
    if (b >= n) continue;
    offered[b] = (offered[b] ?? 0) + 1;
    if (outcome === OUTCOME.timeout) timeouts[b] = (timeouts[b] ?? 0) + 1;
    else if (outcome === OUTCOME.shed) shed[b] = (shed[b] ?? 0) + 1;
    else if (outcome === OUTCOME.error) errors[b] = (errors[b] ?? 0) + 1;
    if (q >= 0) {
      queueSum[b] = (queueSum[b] ?? 0) + q;
      queueN[b] = (queueN[b] ?? 0) + 1;
    }
  }
  for (let b = 1; b <= n + 1; b += 1) starts[b] = (starts[b] ?? 0) + (starts[b - 1] ?? 0);
  const successes = starts[n + 1] ?? 0;
  const latencies = new Float64Array(successes);
  const fill = starts.slice(0, n + 1);
  let latSum = 0;
  for (let i = 0; i < a.count; i += 1) {
    if (a.outcome[i] !== OUTCOME.success) continue;
    const b = bucketOf(a.arrival[i] ?? 0);
    const at = fill[b] ?? 0;
    const latency = (a.finish[i] ?? 0) - (a.arrival[i] ?? 0);
    latencies[at] = latency;
    latSum += latency;
    fill[b] = at + 1;
  }
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
  const p99Histogram =
    successes > 0 ? histogramQuantile(0.99, cumulativeHistogram(latencies, PROMETHEUS_DEFAULT_BUCKETS_MS)) : null;
  return {
    summary: {
      requests: run.requests,
      attempts: a.count,
      clientSuccess: run.requests > 0 ? succeeded.reduce((sum, x) => sum + x, 0) / run.requests : 0,
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
