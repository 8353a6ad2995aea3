// A loopback static server with several roots ("mounts"), for the benchmark: the app build at `/`, the
// generated fixtures at `/fixtures/`, the peer page at `/peer/` and the peer library at `/vendor/`.
// It sends COOP/COEP so pages are cross-origin isolated (performance.measureUserAgentSpecificMemory needs
// it), never compresses (sizes are computed from the files, see sizes.mjs) and counts what it served.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { MIME_TYPES, listenOnLoopback } from '../../tests/support/server.mjs';

/**
 * Serve `mounts` ({'/prefix/': dir, '/': dir}; longest prefix wins) on http://127.0.0.1:<free port>/.
 * Returns {url, close, served}: `served` maps each URL path to the file it answered with.
 */
export async function startBenchServer(mounts) {
  const table = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix.endsWith('/') ? prefix : `${prefix}/`, resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const served = new Map();
  const server = createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = decodeURIComponent(pathname);
      const mount = table.find(([prefix]) => path === prefix.slice(0, -1) || path.startsWith(prefix));
      if (!mount) return void res.writeHead(404).end('no mount');
      const [prefix, root] = mount;
      const rel = normalize(path.slice(prefix.length)).replace(/^([/\\])+/, '');
      let file = join(root, rel);
      if (file !== root && !file.startsWith(root + sep)) return void res.writeHead(403).end('forbidden');
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      const body = await readFile(file);
      served.set(path, file);
      res.writeHead(200, {
        'content-type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
        'cross-origin-resource-policy': 'same-origin',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
    }
  });
  return { ...(await listenOnLoopback(server)), served };
}
