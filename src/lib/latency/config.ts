// Runs at build time, in tests and in the browser: the latency lab's parameters and their allowed ranges.

export const ARRIVAL_KINDS = ['poisson', 'bursts', 'spike'] as const;
export type ArrivalKind = (typeof ARRIVAL_KINDS)[number];

export const SERVICE_KINDS = ['exponential', 'lognormal', 'constant'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Slider ranges; the presets' schema and the lab's controls both use them. Times in ms, rates per second. */
export const LATENCY_LIMITS = {
  rps: { min: 10, max: 5000, step: 10 },
  durationS: { min: 10, max: 120, step: 5 },
  serviceMs: { min: 0.1, max: 100, step: 0.1 },
  workers: { min: 1, max: 32, step: 1 },
  queueLimit: { min: 0, max: 2000, step: 10 },
  timeoutMs: { min: 0, max: 5000, step: 50 },
  retries: { min: 0, max: 5, step: 1 },
  backoffMs: { min: 10, max: 2000, step: 10 },
  maxBatch: { min: 1, max: 64, step: 1 },
  maxWaitMs: { min: 0, max: 50, step: 0.5 },
  batchCost: { min: 0, max: 1, step: 0.05 },
  errorRate: { min: 0, max: 0.2, step: 0.005 },
  outageS: { min: 0, max: 10, step: 0.5 },
  seed: { min: 1, max: 999_999, step: 1 },
} as const;

/** Everything that determines one run of the latency lab. */
export type LatencyConfig = {
  /** Arrival process: steady Poisson, periodic bursts, or a 10× spike in the middle third. */
  arrival: ArrivalKind;
  /** Base arrival rate, requests per second. */
  rps: number;
  /** Seconds of traffic to simulate. */
  durationS: number;
  /** Distribution of a single request's service time. */
  service: ServiceKind;
  /** Mean service time of a single request, ms. */
  serviceMs: number;
  /** Workers (CPU cores, processes or replicas) serving in parallel. */
  workers: number;
  /** Most requests allowed to wait; an arrival beyond it is shed at once. 0 = unlimited. */
  queueLimit: number;
  /** Client timeout per attempt, ms; 0 = none. */
  timeoutMs: number;
  /** Retries after a failed attempt. */
  retries: number;
  /** First retry delay, ms; doubles with each retry. */
  backoffMs: number;
  /** Full jitter: each delay drawn uniformly from [0, backoff]. */
  jitter: boolean;
  /** Largest batch a worker takes at once; 1 = no batching. */
  maxBatch: number;
  /** Longest a batch waits to fill, ms. */
  maxWaitMs: number;
  /** Extra time per additional item of a batch, as a share of a single request's service time. */
  batchCost: number;
  /** Probability that an attempt fails with a server error. */
  errorRate: number;
  /** Length of a network outage starting at a third of the run, s; 0 = none. */
  outageS: number;
  seed: number;
};
