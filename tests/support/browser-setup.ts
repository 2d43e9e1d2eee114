// Global setup for the browser tests: finds Chromium once and serves the test build on a free port.
import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/serve.mjs';
import { findChromium } from './chromium.ts';
import { BASE, SITE_DIR } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromiumPath = findChromium();
  const server = await startServer({ root: SITE_DIR, base: BASE, port: 0 });
  project.provide('baseUrl', server.url);
  project.provide('chromiumPath', chromiumPath);
  return server.close;
}
