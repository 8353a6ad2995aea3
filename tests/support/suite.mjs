// What every end-to-end file needs around its tests: dist/ served on loopback and one headless Chromium.
import { after, before } from 'node:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { DIST } from './paths.mjs';
import { startStaticServer } from './server.mjs';

/**
 * Serves the built app and launches Chromium before the file's tests, and closes both after them.
 * The returned object's `server` (with `url`) and `browser` are set once the tests run.
 */
export function serveBuiltApp() {
  const app = { server: undefined, browser: undefined };
  before(async () => {
    if (!existsSync(join(DIST, 'index.html'))) {
      throw new Error('dist/index.html is missing: build first with `trunk build --release --offline` (bash scripts/test.sh build)');
    }
    app.server = await startStaticServer(DIST);
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
