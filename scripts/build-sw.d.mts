/** `/sub/` from BASE_PATH (`sub`, `/sub`, `/sub/` all work), `/` when unset. */
export function normalizeBase(value?: string): string;
/** Builds the offline manifest of a built book and writes `<outDir>/sw.js`; returns the sizes. */
export function buildServiceWorker(
  outDir: string,
  base: string,
): Promise<{
  version: string;
  precache: { files: number; bytes: number };
  engine: { files: number; bytes: number; versions: string[] };
  swBytes: number;
}>;
