// A reverse proxy for the test server: requests under a path prefix go to another HTTP server with the prefix
// stripped, so a page served by the static server reaches a database on its own origin (connect-src 'self').
import { request as httpRequest } from 'node:http';

/** Request headers that belong to one hop only (RFC 9110 section 7.6.1) and are not forwarded. */
const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer',
  'upgrade', 'host',
]);

/**
 * A request handler for `routes` ({ '/couchdb/': 'http://127.0.0.1:5984/' }): `handle(req, res)` forwards a
 * request whose path starts with one of the prefixes (or is the prefix without its trailing slash) and returns
 * true, or returns false for the caller to serve it. Every method, header (Cookie, Authorization, Content-Type
 * and the rest) and body goes through; the answer streams back as it comes (a `_changes` long poll), with every
 * Set-Cookie; a Location pointing at the target is rewritten to the prefix. A target that does not answer gives
 * 502 with a CouchDB-style JSON error; a target dying mid-answer cuts the client's connection.
 * `abortAll()` ends every forwarded request still open (for closing the server).
 */
export function createProxy(routes) {
  const table = Object.entries(routes).map(([prefix, target]) => {
    if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`proxy prefix must be /name/: ${prefix}`);
    return { prefix, target: new URL(target.endsWith('/') ? target : `${target}/`) };
  });
  const open = new Set();

  const handle = (req, res) => {
    const url = req.url ?? '/';
    const route = table.find(({ prefix }) => url.startsWith(prefix) || url === prefix.slice(0, -1)
      || url.startsWith(`${prefix.slice(0, -1)}?`));
    if (!route) return false;
    const rest = url.startsWith(route.prefix) ? url.slice(route.prefix.length) : url.slice(route.prefix.length - 1);
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name)) headers[name] = value;
    }
    headers.host = route.target.host;
    const upstream = httpRequest(
      {
        hostname: route.target.hostname,
        port: route.target.port,
        method: req.method,
        path: route.target.pathname + rest,
        headers,
      },
      (answer) => {
        const out = [];
        for (let i = 0; i < answer.rawHeaders.length; i += 2) {
          const name = answer.rawHeaders[i];
          let value = answer.rawHeaders[i + 1];
          const lower = name.toLowerCase();
          if (lower === 'connection' || lower === 'keep-alive' || lower === 'transfer-encoding') continue;
          if (lower === 'location') value = rewriteLocation(value, route);
          out.push(name, value);
        }
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, out);
        res.flushHeaders();
        answer.pipe(res);
        // The target died mid-answer: cut the client off too, as a real proxy does.
        answer.on('aborted', () => res.destroy());
        answer.on('error', () => res.destroy());
      },
    );
    open.add(upstream);
    upstream.on('close', () => open.delete(upstream));
    upstream.on('error', (err) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const body = JSON.stringify({ error: 'bad_gateway', reason: `${route.target.origin} did not answer: ${err.code ?? err.message}` });
      res.writeHead(502, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    });
    // The client went away (a long poll abandoned): stop the forwarded request.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
    return true;
  };

  return {
    handle,
    abortAll: () => {
      for (const upstream of open) upstream.destroy();
    },
  };
}

/** A Location on the target (absolute, or absolute-path) as the same place under the proxy's prefix. */
function rewriteLocation(value, { prefix, target }) {
  if (value.startsWith(target.origin + target.pathname)) return prefix + value.slice((target.origin + target.pathname).length);
  if (value.startsWith(target.pathname) && value.startsWith('/')) return prefix + value.slice(target.pathname.length);
  return value;
}
