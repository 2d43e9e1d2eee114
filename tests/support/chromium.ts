// Finds a system Chromium for playwright-core (Playwright's own browser download is not reachable
// here). Order: $CHROME_PATH, then the usual install locations. If none is found and we are root on a
// Debian-like system, installs Debian's `chromium` the way `playwright install --with-deps` installs
// system packages; otherwise fails with the exact command to run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const INSTALL = 'sudo apt-get update && sudo apt-get install -y chromium';

function firstExisting(): string | undefined {
  const fromEnv = process.env['CHROME_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  return CANDIDATES.find((p) => fs.existsSync(p));
}

function hasAptGet(): boolean {
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Path to a Chromium executable, installing Debian's package when possible. */
export function findChromium(): string {
  const found = firstExisting();
  if (found !== undefined) return found;
  if (process.getuid?.() === 0 && hasAptGet()) {
    console.log('Chromium not found: installing Debian package `chromium` (apt-get)…');
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = firstExisting();
    if (installed !== undefined) return installed;
  }
  throw new Error(
    `No Chromium found for the browser tests. Install one and rerun, e.g.:\n\n    ${INSTALL}\n\n` +
      'or point CHROME_PATH at a Chromium or Chrome executable.',
  );
}

/** Flags that work on these machines (closed network, root, no GPU). */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
