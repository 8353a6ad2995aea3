// End-to-end tests of syncing with a CouchDB database (issue 17) in the release build, against a real
// CouchDB-compatible server (pouchdb-server, started on loopback by the suite and reached by the page
// on its own origin at /couchdb/): two browser profiles signed in as two users meet on one database,
// one keeps working offline and catches up, a signed-out browser reads nothing, and no password is kept.
//
// Run: bash scripts/test.sh build node   (or, with dist/ built: node --test tests/e2e/sync.test.mjs)
import { serveBuiltApp } from '../support/suite.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage } from '../support/browser.mjs';
import { countOf, openApp, openArticle, tag, waitForCount } from '../support/app.mjs';

const TEST_TIMEOUT = 120_000;
const ARTICLE = 'ft-retold';
const DB = 'class-sync';
const USERS = { ana: 'ana-Secret-1', ben: 'ben-Secret-2' };

const app = serveBuiltApp({ couch: true });

/** Opens the sync dialog, signs in as `name` (unless null) and starts syncing with the class database. */
async function startSync(page, name, db = DB) {
  await page.click('[data-testid=sync-open]');
  await page.fill('[data-testid=sync-server]', '/couchdb');
  await page.fill('[data-testid=sync-db]', db);
  if (name) {
    await page.fill('[data-testid=sync-name]', name);
    await page.fill('[data-testid=sync-password]', USERS[name]);
    await page.click('[data-testid=sync-sign-in]');
    await page.waitForSelector(`[data-testid=sync-dialog] legend:has-text("Signed in as ${name}")`);
  }
  await page.click('[data-testid=sync-start]');
  await page.click('[data-testid=sync-close]');
}

/** Waits until the top bar's sync button says `words`. */
async function waitForStatus(page, words, timeout = 20_000) {
  const shown = () => page.textContent('[data-testid=sync-open]').then((t) => t.trim());
  await page
    .waitForFunction((w) => document.querySelector('[data-testid=sync-open]')?.textContent.trim().startsWith(w), words, { timeout })
    .catch(async (e) => {
      throw new Error(`the sync status never said "${words}"; it says "${await shown()}" (${e.message})`);
    });
}

/** A browser profile of its own, on the app. */
async function profile() {
  const { context, page } = await newPage(app.browser);
  await openApp(page, app.server.url);
  return { context, page };
}

describe('Syncing with a CouchDB database in Chromium', () => {
  test('two profiles meet on one database: what one tags reaches the other, also after working offline', { timeout: TEST_TIMEOUT }, async () => {
    await app.couch.admin.createUser('ana', USERS.ana);
    await app.couch.admin.createUser('ben', USERS.ben);
    await app.couch.admin.createDb(DB, { members: ['ana', 'ben'] });
    const [a, b] = [await profile(), await profile()];
    try {
      await startSync(a.page, 'ana');
      await startSync(b.page, 'ben');
      await waitForStatus(a.page, 'Synced');
      await waitForStatus(b.page, 'Synced');
      await openArticle(a.page, ARTICLE);
      await openArticle(b.page, ARTICLE);

      await tag(a.page, 'Scott Bessent', { key: 'p' });
      await waitForCount(b.page, ARTICLE, 'entity', 1);

      // Ben offline: his work waits, and goes when he is back.
      await b.context.setOffline(true);
      await waitForStatus(b.page, 'Offline');
      await tag(b.page, '"We\'re still talking,"', { key: 'q' });
      await waitForStatus(b.page, 'Offline, 1 waiting');
      await b.context.setOffline(false);
      await waitForCount(a.page, ARTICLE, 'quote', 1);
      await waitForStatus(b.page, 'Synced');
      assert.equal(await countOf(b.page, ARTICLE, 'entity'), 1);

      // No password in either browser's storage; the sync settings are kept without one.
      for (const [name, p] of [['ana', a.page], ['ben', b.page]]) {
        const stored = await p.evaluate(() => Object.entries(localStorage).map(([k, v]) => `${k}=${v}`).join('\n'));
        assert.ok(!stored.includes(USERS[name]), `${name}'s password is not in localStorage`);
        assert.match(stored, /news-annotator\/sync=.*"db":"class-sync"/);
      }
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  test('a signed-out browser reads nothing from a secured database, and says why', { timeout: TEST_TIMEOUT }, async () => {
    await app.couch.admin.createDb('class-closed', { members: ['ana'] });
    const c = await profile();
    try {
      await startSync(c.page, null, 'class-closed');
      await waitForStatus(c.page, 'Sync error: sign in first');
      await openArticle(c.page, ARTICLE);
      assert.equal(await countOf(c.page, ARTICLE, 'entity'), 0);
    } finally {
      await c.context.close();
    }
  });
});
