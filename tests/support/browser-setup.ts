// Global setup for the browser tests: finds Chromium once and serves the test build on a free port, and a
// second time on another port with the cross-origin isolation headers (COOP / COEP / CORP).
import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/serve.mjs';
import { findChromium } from './chromium.ts';
import { BASE, SITE_DIR } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The same build served cross-origin isolated (`crossOriginIsolated === true` in its pages). */
    isolatedBaseUrl: string;
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromiumPath = findChromium();
  const server = await startServer({ root: SITE_DIR, base: BASE, port: 0 });
  const isolated = await startServer({ root: SITE_DIR, base: BASE, port: 0, isolated: true });
  project.provide('baseUrl', server.url);
  project.provide('isolatedBaseUrl', isolated.url);
  project.provide('chromiumPath', chromiumPath);
  return async () => {
    await Promise.all([server.close(), isolated.close()]);
  };
}
