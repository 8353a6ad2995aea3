// End-to-end tests of syncing with a CouchDB database (issue 17) in the release build, against a real
// CouchDB-compatible server (pouchdb-server, started on loopback by the suite and reached by the page
// on its own origin at /couchdb/): two browser profiles signed in as two users meet on one database,
// one keeps working offline and catches up, a signed-out browser reads nothing, and no password is kept.
//
// Run: bash scripts/test.sh build node   (or, with dist/ built: node --test tests/e2e/sync.test.mjs)
import { serveBuiltApp } from '../support/suite.mjs';
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { countOf, openArticle, sel, tag, waitForCount } from '../support/app.mjs';
import { OWNERS_ONLY, profile, startSync, waitForStatus } from '../support/sync.mjs';

const TEST_TIMEOUT = 120_000;
const ARTICLE = 'ft-retold';
const DB = 'class-sync';
const USERS = { ana: 'ana-Secret-1', ben: 'ben-Secret-2' };

const app = serveBuiltApp({ couch: true });

describe('Syncing with a CouchDB database in Chromium', () => {
  before(async () => {
    await app.couch.admin.createUser('ana', USERS.ana);
    await app.couch.admin.createUser('ben', USERS.ben);
  });

  test('two profiles meet on one database: what one tags reaches the other, also after working offline', { timeout: TEST_TIMEOUT }, async () => {
    await app.couch.admin.createDb(DB, { members: ['ana', 'ben'] });
    const [a, b] = [await profile(app.browser, app.server.url), await profile(app.browser, app.server.url)];
    try {
      await startSync(a.page, DB, 'ana', USERS.ana);
      await startSync(b.page, DB, 'ben', USERS.ben);
      await waitForStatus(a.page, 'Synced');
      await waitForStatus(b.page, 'Synced');
      await openArticle(a.page, ARTICLE);
      await openArticle(b.page, ARTICLE);

      const person = await tag(a.page, 'Scott Bessent', { key: 'p' });
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

      // A deletion goes too.
      await a.page.click(sel.item(person));
      await a.page.click('[data-testid=delete]');
      await waitForCount(b.page, ARTICLE, 'entity', 0);
      assert.equal(await countOf(b.page, ARTICLE, 'quote'), 1);

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

  test('the same annotation changed in two profiles offline: the later change wins in both, the other is told in words, and one Undo keeps theirs', { timeout: TEST_TIMEOUT }, async () => {
    await app.couch.admin.createDb('class-conflict', { members: ['ana', 'ben'] });
    const [a, b] = [await profile(app.browser, app.server.url), await profile(app.browser, app.server.url)];
    const notes = { ana: 'Treasury Secretary (Ana)', ben: 'US Treasury Secretary since 2025 (Ben)' };
    try {
      await startSync(a.page, 'class-conflict', 'ana', USERS.ana);
      await startSync(b.page, 'class-conflict', 'ben', USERS.ben);
      await openArticle(a.page, ARTICLE);
      await openArticle(b.page, ARTICLE);
      const id = await tag(a.page, 'Scott Bessent', { key: 'p' });
      await waitForCount(b.page, ARTICLE, 'entity', 1);

      const write = async (page, note) => {
        await page.click(sel.item(id));
        await page.fill(sel.note, note);
        await page.keyboard.press('Tab');
      };
      await a.context.setOffline(true);
      await b.context.setOffline(true);
      await waitForStatus(a.page, 'Offline');
      await waitForStatus(b.page, 'Offline');
      await write(a.page, notes.ana);
      await a.page.waitForTimeout(50);
      await write(b.page, notes.ben);
      await waitForStatus(b.page, 'Offline, 1 waiting');
      await b.context.setOffline(false);
      await waitForStatus(b.page, 'Synced');
      await a.context.setOffline(false);

      // Ana's side: Ben's later change is kept, and she is told so once.
      await a.page.waitForFunction(({ s, want }) => document.querySelector(s)?.value === want, { s: sel.note, want: notes.ben });
      const told = await a.page.textContent('.notices');
      assert.match(told, /“Scott Bessent” was changed here and elsewhere; kept the other version \(Undo keeps yours\)/);
      // Ben's side: his own stays (Ana's resolution closed her branch; his won, so nothing to tell him).
      await waitForStatus(a.page, 'Synced');
      await b.page.waitForTimeout(4_000);
      assert.equal(await b.page.inputValue(sel.note), notes.ben);

      // One undo step gives Ana hers back, and it reaches Ben as a change that follows his.
      await a.page.click('[data-testid=undo]');
      await a.page.waitForFunction(({ s, want }) => document.querySelector(s)?.value === want, { s: sel.note, want: notes.ana });
      await b.page.waitForFunction(({ s, want }) => document.querySelector(s)?.value === want, { s: sel.note, want: notes.ana }, { timeout: 20_000 });
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  test('a class database: a student changing another student\'s annotation is refused with 403, the app says so, and the server keeps the owner\'s', { timeout: TEST_TIMEOUT }, async () => {
    const CLASS = 'class-owned';
    await app.couch.admin.createDb(CLASS, { members: ['ana', 'ben'] });
    const owner = await app.couch.admin.request(`${CLASS}/_design/owner`, { method: 'PUT', body: { validate_doc_update: OWNERS_ONLY } });
    assert.equal(owner.status, 201, JSON.stringify(owner.body));
    const [a, b] = [await profile(app.browser, app.server.url), await profile(app.browser, app.server.url)];
    try {
      await startSync(a.page, CLASS, 'ana', USERS.ana);
      await startSync(b.page, CLASS, 'ben', USERS.ben);
      await openArticle(a.page, ARTICLE);
      await openArticle(b.page, ARTICLE);
      const id = await tag(a.page, 'Scott Bessent', { key: 'p' });
      await waitForCount(b.page, ARTICLE, 'entity', 1);
      const stored = await app.couch.admin.request(`${CLASS}/annotation:${id}`);
      assert.equal(stored.body.owner, 'ana', 'each document names who wrote it');

      await b.page.click(sel.item(id));
      await b.page.fill(sel.note, 'Ben was here');
      await b.page.keyboard.press('Tab');
      await waitForStatus(b.page, 'Sync error: the server refused 1 change');
      assert.match(await b.page.textContent('[data-testid=sync-open]'), /you can write only your own documents/);
      const after = await app.couch.admin.request(`${CLASS}/annotation:${id}`);
      assert.equal(after.body.note ?? '', '', "the server keeps Ana's version");
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  test('a signed-out browser reads nothing from a secured database, and says why', { timeout: TEST_TIMEOUT }, async () => {
    await app.couch.admin.createDb('class-closed', { members: ['ana'] });
    const c = await profile(app.browser, app.server.url);
    try {
      await startSync(c.page, 'class-closed', null);
      await waitForStatus(c.page, 'Sync error: sign in first');
      await openArticle(c.page, ARTICLE);
      assert.equal(await countOf(c.page, ARTICLE, 'entity'), 0);
    } finally {
      await c.context.close();
    }
  });
});
