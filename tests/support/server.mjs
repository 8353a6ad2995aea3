// A tiny static file server for the release build (dist/), on 127.0.0.1 and a free port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createProxy } from './proxy.mjs';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Serve `root` on http://127.0.0.1:<random free port>/.
 * Paths without a file extension that do not exist fall back to index.html (single-page app).
 * With `proxy` ({ '/couchdb/': couch.url }), requests under a prefix go to that server instead, the prefix
 * stripped (tests/support/proxy.mjs), so the app reaches it on its own origin.
 * @param {string} root the directory to serve
 * @param {{proxy?: Record<string, string>}} [options]
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
export async function startStaticServer(root, { proxy } = {}) {
  const rootDir = resolve(root);
  const proxied = proxy ? createProxy(proxy) : null;
  const server = createServer(async (req, res) => {
    if (proxied?.handle(req, res)) return;
    try {
      const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
      let rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
      let file = join(rootDir, rel);
      if (file !== rootDir && !file.startsWith(rootDir + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info && extname(rel) === '') {
        file = join(rootDir, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(err));
    }
  });
  const listening = await listenOnLoopback(server);
  if (!proxied) return listening;
  return {
    ...listening,
    close: () => {
      proxied.abortAll();
      return listening.close();
    },
  };
}

/** Start `server` on a free loopback port; returns {url, port, close}. */
export async function listenOnLoopback(server) {
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
