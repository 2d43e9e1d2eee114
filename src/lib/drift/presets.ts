// Runs at build time and in unit tests: the drift lab's presets, validated by a Zod schema.
import { z } from 'zod';
import { onGrid, type SliderLimit } from '../labs/grid.ts';
import { ALPHAS, DRIFT_LIMITS, FEATURE_KINDS, SAMPLE_SIZES, STREAM_KINDS, type DriftLabConfig } from './config.ts';

const slider = (limit: SliderLimit) =>
  z.number().refine((v) => onGrid(v, limit), `must be within [${limit.min}, ${limit.max}] in steps of ${limit.step}`);
const oneOf = (values: readonly number[]) =>
  z.number().refine((v) => values.includes(v), `must be one of ${values.join(', ')}`);

/** One complete setting of the drift lab (see DriftLabConfig for what each field means). */
export const driftConfigSchema = z.strictObject({
  feature: z.enum(FEATURE_KINDS),
  shift: slider(DRIFT_LIMITS.shift),
  scale: slider(DRIFT_LIMITS.scale),
  missing: slider(DRIFT_LIMITS.missing),
  noise: slider(DRIFT_LIMITS.noise),
  referenceSize: oneOf(SAMPLE_SIZES),
  currentSize: oneOf(SAMPLE_SIZES),
  bins: slider(DRIFT_LIMITS.bins),
  alpha: oneOf(ALPHAS),
  seed: slider(DRIFT_LIMITS.seed),
  stream: z.enum(STREAM_KINDS),
  magnitude: slider(DRIFT_LIMITS.magnitude),
  delay: slider(DRIFT_LIMITS.delay),
}) satisfies z.ZodType<DriftLabConfig>;

const base: DriftLabConfig = {
  feature: 'normal',
  shift: 0.3,
  scale: 1,
  missing: 0,
  noise: 0,
  referenceSize: 5000,
  currentSize: 5000,
  bins: 10,
  alpha: 0.05,
  seed: 1,
  stream: 'sudden',
  magnitude: 1,
  delay: 3,
};

/** Named starting points of the drift lab; the keys are the values of `<DriftLab preset="…" />`. */
export const DRIFT_PRESETS = {
  /** A clear shift of the mean by 0.3 σ. */
  'mean-shift': base,
  /** A shift of 0.03 σ that no model would notice, in samples of 100,000: KS flags it, PSI does not. */
  'tiny-shift-large-n': { ...base, shift: 0.03, referenceSize: 100_000, currentSize: 100_000, stream: 'gradual' },
  /** The same 0.3 σ shift in samples of 200: the tests have little power. */
  'small-samples': { ...base, referenceSize: 200, currentSize: 200, stream: 'seasonal' },
  /** A fifth of the values go missing while the rest look the same. */
  'missing-values': { ...base, shift: 0, missing: 0.2, feature: 'lognormal' },
  /** A categorical feature whose mix tilts towards rarer categories. */
  categorical: { ...base, feature: 'categorical', shift: 0.6, referenceSize: 2000, currentSize: 2000 },
  /** P(X) stays, P(Y|X) moves: no feature alert while accuracy falls. */
  'concept-drift': { ...base, shift: 0, stream: 'concept', magnitude: 1, delay: 5 },
} as const satisfies Record<string, DriftLabConfig>;

export type DriftPresetId = keyof typeof DRIFT_PRESETS;
