// Runs at build time, in tests and in the browser: a seeded random generator and samplers.
// Every sampler takes the generator as a parameter, so the same seed always draws the same picture;
// nothing here calls Math.random.

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: a small, fast 32-bit generator with a full 2^32 period (Tommy Ettinger, public domain).
 * Good enough for simulations and teaching; not for cryptography.
 * @example mulberry32(1)() // 0.6270739405881613, the first output of the reference C implementation
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An independent seed for one named stream of a simulation (arrivals, service times, retries…), so that
 * drawing more numbers from one stream does not shift the others. Mixes with MurmurHash3's finaliser.
 * @example deriveSeed(42, 1) !== deriveSeed(42, 2)
 */
export function deriveSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A normal draw by the Box–Muller transform (Box & Muller, 1958), using two uniforms per draw.
 * @example normal(mulberry32(1), 10, 2) // a number around 10
 */
export function normal(random: Random, mean = 0, sd = 1): number {
  const u = 1 - random();
  const v = random();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A lognormal draw: exp of a normal with parameters `mu` and `sigma` (of the logarithm).
 * Its mean is exp(mu + sigma² / 2).
 */
export function lognormal(random: Random, mu: number, sigma: number): number {
  return Math.exp(normal(random, mu, sigma));
}

/**
 * An exponential draw with the given rate (mean 1 / rate), by inversion: −ln(1 − U) / rate.
 * @throws {RangeError} when `rate` is not positive
 */
export function exponential(random: Random, rate: number): number {
  if (!(rate > 0)) throw new RangeError(`exponential: rate must be positive, got ${rate}`);
  return -Math.log(1 - random()) / rate;
}

/**
 * The index of a category drawn with the given (not necessarily normalised) weights.
 * @example categorical(random, [1, 1, 2]) // 0, 1 or 2; 2 half of the time
 * @throws {RangeError} when the weights are empty, negative or sum to zero
 */
export function categorical(random: Random, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) {
    if (!(w >= 0)) throw new RangeError(`categorical: weights must be non-negative, got ${w}`);
    total += w;
  }
  if (!(total > 0)) throw new RangeError('categorical: the weights must sum to a positive number');
  let u = random() * total;
  for (let i = 0; i < weights.length; i += 1) {
    u -= weights[i] ?? 0;
    if (u < 0) return i;
  }
  return weights.length - 1;
}

/**
 * Standard exponential draws −ln(1 − U) of one generator, made in blocks and kept, so that runs which
 * need the same stream again (the same seed, a different rate) skip the logarithms. `draw / rate` is
 * bit for bit `exponential(random, rate)` for the same U.
 */
export class ExponentialDraws {
  private values = new Float64Array(0);
  private made = 0;
  private readonly random: Random;

  constructor(random: Random) {
    this.random = random;
  }

  /** The first n draws (or more): a buffer to read by index. */
  upTo(n: number): Float64Array {
    if (n <= this.made) return this.values;
    if (n > this.values.length) {
      const bigger = new Float64Array(Math.max(n, this.values.length * 2, 1024));
      bigger.set(this.values.subarray(0, this.made));
      this.values = bigger;
    }
    const size = this.values.length;
    for (let i = this.made; i < size; i += 1) this.values[i] = -Math.log(1 - this.random());
    this.made = size;
    return this.values;
  }
}
