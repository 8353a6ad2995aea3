// What every end-to-end file needs around its tests: dist/ served on loopback and one headless Chromium.
import { after, before } from 'node:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { startCouch } from './couch.mjs';
import { DIST } from './paths.mjs';
import { startStaticServer } from './server.mjs';

/**
 * Serves the built app and launches Chromium before the file's tests, and closes both after them.
 * The returned object's `server` (with `url`) and `browser` are set once the tests run.
 * With `couch` (true, or startCouch's options), a CouchDB-compatible server runs too (`app.couch`, stopped
 * after), reached by the page on its own origin at `app.couchUrl` (`<server url>couchdb/`).
 * @param {{couch?: boolean | object}} [options]
 */
export function serveBuiltApp({ couch } = {}) {
  const app = { server: undefined, browser: undefined, couch: undefined, couchUrl: undefined };
  before(async () => {
    if (!existsSync(join(DIST, 'index.html'))) {
      throw new Error('dist/index.html is missing: build first with `trunk build --release --offline` (bash scripts/test.sh build)');
    }
    if (couch) app.couch = await startCouch(couch === true ? {} : couch);
    app.server = await startStaticServer(DIST, app.couch ? { proxy: { '/couchdb/': app.couch.url } } : {});
    if (app.couch) app.couchUrl = new URL('couchdb/', app.server.url).href;
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
    await app.couch?.stop();
  });
  return app;
}
