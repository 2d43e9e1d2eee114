// Runs at build time and in tests: the fixed, seeded order in which an ordering question shows its steps.
import { fnv1a } from './hash.ts';

/**
 * A pseudo-random generator with 32-bit state, returning numbers in [0, 1).
 * Reference: Tommy Ettinger, «Mulberry32» (public domain), as used in many seeded-test libraries.
 */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A permutation of 0…n−1 that depends only on `seed` (a question id), never the identity for n ≥ 2 so the
 * answer is not given away: Fisher–Yates with Mulberry32 seeded by FNV-1a of the seed, then rotated by one
 * if it came out sorted.
 * @example seededOrder(4, 'intro-stages') // the same four indices, in the same order, on every build
 */
export function seededOrder(n: number, seed: string): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const random = mulberry32(Number.parseInt(fnv1a(seed), 16));
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] ?? j, order[i] ?? i];
  }
  const sorted = order.every((v, i) => v === i);
  return sorted && n >= 2 ? [...order.slice(1), order[0] ?? 0] : order;
}
