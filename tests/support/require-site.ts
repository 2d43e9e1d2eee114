// Global setup: the content and browser tests read the test build; fail early if it is missing.
import fs from 'node:fs';
import path from 'node:path';
import { SITE_DIR } from './site.ts';

export default function setup(): void {
  if (!fs.existsSync(path.join(SITE_DIR, 'index.html'))) {
    throw new Error(`${SITE_DIR}/index.html is missing: run \`npm run build:test\` first (\`npm test\` does it).`);
  }
}
