// Runs at build time, in tests and in the browser: the M/M/c queue in closed form (Erlang C).

/**
 * Erlang B: the probability that all c servers are busy in a loss system with offered load A = λ/μ,
 * by the stable recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)).
 * @example erlangB(1, 1) // 0.5
 */
export function erlangB(servers: number, offeredLoad: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k += 1) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

/**
 * Erlang C: the probability that an arriving request has to wait in an M/M/c queue,
 * C = c·B / (c − A·(1 − B)) with B = Erlang B (Kleinrock, «Queueing Systems», vol. 1, 1975, §3.5).
 * @example erlangC(3, 2) // 4/9
 * @throws {RangeError} unless 0 ≤ A < c (the queue is unstable otherwise)
 */
export function erlangC(servers: number, offeredLoad: number): number {
  if (!(offeredLoad >= 0 && offeredLoad < servers)) {
    throw new RangeError(`erlangC: need 0 ≤ load < servers, got load ${offeredLoad} with ${servers} servers`);
  }
  const b = erlangB(servers, offeredLoad);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

export interface MmcMetrics {
  /** ρ = λ / (c·μ). */
  utilization: number;
  /** P(wait > 0), Erlang C. */
  probabilityOfWait: number;
  /** Mean time in the queue, Wq = C / (c·μ − λ). */
  meanWait: number;
  /** Mean time in the system, W = Wq + 1/μ. */
  meanResponse: number;
  /** Mean number waiting, Lq = λ·Wq (Little's law). */
  meanQueueLength: number;
}

/**
 * Steady-state metrics of an M/M/c queue: Poisson arrivals at rate λ, exponential service at rate μ per
 * server, c servers, unlimited FIFO queue. Null when λ ≥ c·μ (no steady state: the queue grows without
 * bound). Rates in any time unit; times come back in the inverse of that unit.
 * @example mmc({ arrivalRate: 0.5, serviceRate: 1, servers: 1 })?.meanResponse // 2
 */
export function mmc(params: { arrivalRate: number; serviceRate: number; servers: number }): MmcMetrics | null {
  const { arrivalRate, serviceRate, servers } = params;
  const load = arrivalRate / serviceRate;
  if (!(load < servers)) return null;
  const probabilityOfWait = erlangC(servers, load);
  const meanWait = probabilityOfWait / (servers * serviceRate - arrivalRate);
  return {
    utilization: load / servers,
    probabilityOfWait,
    meanWait,
    meanResponse: meanWait + 1 / serviceRate,
    meanQueueLength: arrivalRate * meanWait,
  };
}
