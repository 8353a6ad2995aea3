// End-to-end test of sync surviving its server (issue 17): the CouchDB-compatible server keeps its data on
// disk, is killed while the app syncs, and comes back on the same port; nothing is lost, and the app
// resumes from its checkpoint.
//
// Run: bash scripts/test.sh build node   (or, with dist/ built: node --test tests/e2e/sync_resume.test.mjs)
import { serveBuiltApp } from '../support/suite.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { openArticle, tag } from '../support/app.mjs';
import { startCouch } from '../support/couch.mjs';
import { profile, startSync, waitForStatus } from '../support/sync.mjs';

const TEST_TIMEOUT = 120_000;
const ARTICLE = 'ft-retold';
const DB = 'class-resume';

const app = serveBuiltApp({ couch: { inMemory: false, keepDir: true } });

/** The database's documents that are annotations, as the admin sees them. */
async function annotationsOn(couch) {
  const all = await couch.admin.request(`${DB}/_all_docs`);
  return all.body.rows.filter((r) => r.id.startsWith('annotation:')).length;
}

/** Waits until `count()` gives `want` (polling), and returns it. */
async function waitForCountOn(count, want, timeout = 20_000) {
  const end = Date.now() + timeout;
  let got;
  while (Date.now() < end) {
    got = await count();
    if (got === want) return got;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  throw new Error(`the server holds ${got} annotations, not ${want}`);
}

describe('Sync and a server that goes away', () => {
  test('the server killed mid-way: work waits, nothing is lost, and sync resumes from its checkpoint', { timeout: TEST_TIMEOUT }, async () => {
    await app.couch.admin.createUser('ana', 'ana-Secret-1');
    await app.couch.admin.createDb(DB, { members: ['ana'] });
    const a = await profile(app.browser, app.server.url);
    let again;
    try {
      await startSync(a.page, DB, 'ana', 'ana-Secret-1');
      await openArticle(a.page, ARTICLE);
      await tag(a.page, 'Scott Bessent', { key: 'p' });
      await waitForCountOn(() => annotationsOn(app.couch), 1);

      await app.couch.kill();
      await tag(a.page, '"We\'re still talking,"', { key: 'q' });
      await waitForStatus(a.page, 'Offline, 1 waiting');

      again = await startCouch({ port: app.couch.port, dir: app.couch.dir, inMemory: false });
      await waitForCountOn(() => annotationsOn(again), 2);
      await waitForStatus(a.page, 'Synced');
      // The checkpoint the app keeps on the server, under its replication's id.
      const { id, replica } = await a.page.evaluate(() => JSON.parse(localStorage.getItem('news-annotator/sync')));
      const checkpoint = await again.admin.request(`${DB}/_local/${id}`);
      assert.equal(checkpoint.status, 200, JSON.stringify(checkpoint.body));
      assert.equal(String(checkpoint.body.last_seq), JSON.parse(replica).since, 'the same checkpoint here and there');
    } finally {
      await a.context.close();
      await again?.stop();
      rmSync(app.couch.dir, { recursive: true, force: true });
    }
  });
});
