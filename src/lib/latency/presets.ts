// Runs at build time and in unit tests: the latency lab's presets, tied to the course's stress test and
// validated by a Zod schema.
import { z } from 'zod';
import { onGrid, type SliderLimit } from '../labs/grid.ts';
import { ARRIVAL_KINDS, LATENCY_LIMITS, SERVICE_KINDS, type LatencyConfig } from './config.ts';

const slider = (limit: SliderLimit) =>
  z.number().refine((v) => onGrid(v, limit), `must be within [${limit.min}, ${limit.max}] in steps of ${limit.step}`);

/** One complete setting of the latency lab (see LatencyConfig for what each field means). */
export const latencyConfigSchema = z.strictObject({
  arrival: z.enum(ARRIVAL_KINDS),
  rps: slider(LATENCY_LIMITS.rps),
  durationS: slider(LATENCY_LIMITS.durationS),
  service: z.enum(SERVICE_KINDS),
  serviceMs: slider(LATENCY_LIMITS.serviceMs),
  workers: slider(LATENCY_LIMITS.workers),
  queueLimit: slider(LATENCY_LIMITS.queueLimit),
  timeoutMs: slider(LATENCY_LIMITS.timeoutMs),
  retries: slider(LATENCY_LIMITS.retries),
  backoffMs: slider(LATENCY_LIMITS.backoffMs),
  jitter: z.boolean(),
  maxBatch: slider(LATENCY_LIMITS.maxBatch),
  maxWaitMs: slider(LATENCY_LIMITS.maxWaitMs),
  batchCost: slider(LATENCY_LIMITS.batchCost),
  errorRate: slider(LATENCY_LIMITS.errorRate),
  outageS: slider(LATENCY_LIMITS.outageS),
  seed: slider(LATENCY_LIMITS.seed),
}) satisfies z.ZodType<LatencyConfig>;

const steady: LatencyConfig = {
  arrival: 'poisson',
  rps: 1000,
  durationS: 60,
  service: 'exponential',
  serviceMs: 0.8,
  workers: 1,
  queueLimit: 0,
  timeoutMs: 0,
  retries: 0,
  backoffMs: 100,
  jitter: false,
  maxBatch: 1,
  maxWaitMs: 0,
  batchCost: 0.15,
  errorRate: 0,
  outageS: 0,
  seed: 1,
};

const storm: LatencyConfig = {
  ...steady,
  rps: 200,
  serviceMs: 10,
  workers: 4,
  queueLimit: 100,
  timeoutMs: 5000,
  retries: 3,
  backoffMs: 1000,
  outageS: 4,
};

/** Named starting points of the latency lab; the keys are the values of `<LatencyLab preset="…" />`. */
export const LATENCY_PRESETS = {
  /** The stress test's question: one core, 1000 RPS, 0.8 ms per request — ρ = 0.8, an M/M/1 queue. */
  'cpu-1000rps': steady,
  /** Four workers at half load, then ten times the traffic for a sixth of the run. */
  'spike-10x': {
    ...steady,
    arrival: 'spike',
    rps: 100,
    service: 'lognormal',
    serviceMs: 20,
    workers: 4,
    queueLimit: 200,
    timeoutMs: 1000,
  },
  /** A 4-second outage: hung requests all fail at once when the network returns and retry in lockstep. */
  'retry-storm': storm,
  /** The same outage with full jitter on the backoff. */
  'retry-storm-jitter': { ...storm, jitter: true },
  /** 1500 RPS on two workers that manage 1000 one by one, but many more in batches of up to 16. */
  batching: {
    ...steady,
    rps: 1500,
    service: 'constant',
    serviceMs: 2,
    workers: 2,
    timeoutMs: 1000,
    maxBatch: 16,
    maxWaitMs: 5,
  },
} as const satisfies Record<string, LatencyConfig>;

export type LatencyPresetId = keyof typeof LATENCY_PRESETS;
