// Serves a built book (default dist/) on http://localhost:4321 under BASE_PATH, like a static host:
// directory URLs get index.html, URLs without a trailing slash are redirected, unknown paths get 404.html.
// Used by `npm start` and by the browser tests (which import `startServer`). With `isolated`, every response
// carries the headers that make the page cross-origin isolated (COOP / COEP / CORP), which lets the Python
// engine stop a cell without losing its state (docs/python.md); `npm start` serves isolated unless ISOLATED=0.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.zip': 'application/zip',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json|wasm)|image\/svg)/;
/** @type {Map<string, Buffer>} */
const gzipCache = new Map();
/** Gzipped file contents, like any production static host sends them (cached per file and mtime). */
function gzipped(file) {
  const key = `${file}:${fs.statSync(file).mtimeMs}`;
  let body = gzipCache.get(key);
  if (body === undefined) {
    body = zlib.gzipSync(fs.readFileSync(file), { level: 6 });
    gzipCache.set(key, body);
  }
  return body;
}

/** Headers that make a page cross-origin isolated (`crossOriginIsolated === true`). */
export const ISOLATION_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
};

/** Versioned or content-hashed folders whose files never change under the same URL. */
const IMMUTABLE = /^(_astro|pyodide)\//;

/**
 * @param {{ root?: string, base?: string, port?: number, host?: string, isolated?: boolean }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function startServer({ root = 'dist', base = '/', port = 4321, host = '127.0.0.1', isolated = false } = {}) {
  const dir = path.resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = http.createServer((req, res) => {
    if (isolated) for (const [name, value] of Object.entries(ISOLATION_HEADERS)) res.setHeader(name, value);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status, file, headers = {}) => {
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const body = gzip ? gzipped(file) : fs.readFileSync(file);
      res.writeHead(status, {
        'content-type': type,
        'content-length': body.byteLength,
        vary: 'accept-encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const notFound = () => {
      const page = path.join(dir, '404.html');
      if (fs.existsSync(page)) return send(404, page, { 'cache-control': 'no-cache' });
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404');
    };
    if (url.pathname === prefix.slice(0, -1)) {
      res.writeHead(301, { location: prefix }).end();
      return;
    }
    if (!url.pathname.startsWith(prefix)) return notFound();
    let rel;
    try {
      rel = decodeURIComponent(url.pathname.slice(prefix.length));
    } catch {
      return notFound();
    }
    const file = path.join(dir, rel);
    if (!file.startsWith(dir)) return notFound();
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      const index = path.join(file, 'index.html');
      stat = fs.statSync(index, { throwIfNoEntry: false });
      return stat ? send(200, index, { 'cache-control': 'no-cache' }) : notFound();
    }
    if (!stat) return notFound();
    const immutable = IMMUTABLE.test(rel);
    return send(200, file, { 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://localhost:${actualPort}${prefix}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'dist';
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`✖ ${root}/index.html not found: build the book first (npm run build).`);
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 4321);
  const isolated = process.env.ISOLATED !== '0';
  startServer({ root, base: process.env.BASE_PATH ?? '/', port, isolated }).then(
    ({ url }) => console.log(`\n  Учебник собран и доступен по адресу: ${url}\n  (Ctrl+C — остановить)\n`),
    (error) => {
      console.error(`✖ Cannot serve on port ${port}: ${error.message}. Set PORT=… to use another port.`);
      process.exit(1);
    },
  );
}
