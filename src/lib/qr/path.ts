// Runs in the browser and in unit tests: draws a QR code matrix as one SVG path.

/**
 * SVG path data covering the dark modules of a QR matrix, one rectangle per horizontal run, in module
 * units (use a viewBox of `0 0 size size` and `shape-rendering="crispEdges"`).
 * @example qrPathData([[true, true, false], [false, true, true]]) // 'M0 0h2v1h-2zM1 1h2v1h-2z'
 */
export function qrPathData(modules: readonly (readonly boolean[])[]): string {
  let path = '';
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (row[x] !== true) {
        x += 1;
        continue;
      }
      const start = x;
      while (row[x] === true) x += 1;
      path += `M${start} ${y}h${x - start}v1h-${x - start}z`;
    }
  });
  return path;
}
