/**
 * Joins the site's base path and an in-site path, with exactly one slash between them and a
 * trailing slash on page paths (the site uses `trailingSlash: 'always'`).
 * @example joinBase('/prodml/', 'chapters/introduction/') // '/prodml/chapters/introduction/'
 * @example joinBase('/', '/') // '/'
 * @example joinBase('/prodml', 'chapters/introduction#itogi') // '/prodml/chapters/introduction/#itogi'
 */
export function joinBase(base: string, path: string): string {
  const [pathPart = '', hash] = path.split('#', 2);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const rest = pathPart.replace(/^\/+/, '');
  const isFile = /\.[a-z0-9]+$/i.test(rest);
  const joined = `${prefix}${rest}`;
  const withSlash = isFile || joined.endsWith('/') ? joined : `${joined}/`;
  return hash === undefined ? withSlash : `${withSlash}#${hash}`;
}
