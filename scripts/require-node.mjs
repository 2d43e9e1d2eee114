// Guard run before every npm script: the book needs Node >= 22.12 (Astro 7, Vitest 5). `npm run`
// puts node_modules/.bin first on PATH, where the pinned `node` devDependency installs Node 24; if that
// binary is missing we stop here instead of silently running on the system's older Node.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    [
      '',
      `✖ This book needs Node.js >= 22.12, but the scripts are running on Node ${process.versions.node}`,
      `  (${process.execPath}).`,
      '  The project pins Node 24 as the `node` devDependency; its binary is installed by its install',
      '  script into node_modules/.bin. It is missing — was `npm ci --ignore-scripts` used, or were',
      '  install scripts not allowed? Fix it with:',
      '',
      '      npm ci',
      '',
      '  or use Node 24 yourself (see .nvmrc: `nvm use`).',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
