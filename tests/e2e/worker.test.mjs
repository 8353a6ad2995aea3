// End-to-end tests of the web worker that reads, imports and exports away from the page (issue 15):
// until its code has arrived, the first click shows a short "loading" state, never a blank view;
// cancelling a file that is being read changes nothing; and the worker's answer, when it comes,
// completes the same click. The worker's wasm is held back by the test (a route that answers only
// when released), so each state is seen for certain, not raced.
//
// Run: bash scripts/test.sh build node   (or, with dist/ built: node --test tests/e2e/worker.test.mjs)
import { serveBuiltApp } from '../support/suite.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage } from '../support/browser.mjs';
import { loadSeeds } from '../support/paths.mjs';
import { countsOf, openApp, sel, tag, waitForCount } from '../support/app.mjs';

const TEST_TIMEOUT = 120_000;
const app = serveBuiltApp();
const SEEDS = loadSeeds();
const KYIV = SEEDS.find((s) => s.id === 'kyiv-post') ?? assert.fail('no kyiv-post seed');

/** Holds back every request for the worker's wasm until `release()` is called. */
async function holdWorker(context) {
  const held = [];
  let released = false;
  await context.route('**/na-worker*_bg.wasm', (route) => (released ? route.continue() : held.push(route)));
  return {
    requested: () => held.length > 0,
    release: async () => {
      released = true;
      await Promise.all(held.splice(0).map((route) => route.continue()));
    },
  };
}

/** Whether `check()` becomes true within 10 s. */
async function waitUntil(check) {
  for (let i = 0; i < 100; i++) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** A doccano line tagging the first "Trump" in the kyiv-post seed as a person. */
function doccanoFile() {
  const at = KYIV.text.indexOf('Trump');
  const start = [...KYIV.text.slice(0, at)].length;
  const line = JSON.stringify({ text: KYIV.text, label: [[start, start + 5, 'PER']] });
  return { name: 'class.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${line}\n`) };
}

// Service workers are blocked so that every request of the page and its worker meets the route.
const OPTIONS = { serviceWorkers: 'block' };

describe('The web worker in Chromium', { timeout: TEST_TIMEOUT * 3 }, () => {
  test('a file read before the worker is up waits with Cancel, which changes nothing; read again it imports', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ context, page }) => {
      const worker = await holdWorker(context);
      await openApp(page, app.server.url);
      await tag(page, 'Volodymyr Zelensky', { key: 'p' });
      const before = await countsOf(page, 'kyiv-post');

      await page.setInputFiles(sel.importFile, doccanoFile());
      const reading = await page.waitForSelector('[data-testid=reading]', { state: 'visible' });
      assert.match(await reading.textContent(), /Reading class\.jsonl \(\d+\.\d KB\)…/);
      assert.ok(await waitUntil(worker.requested), "the worker's wasm was asked for, and is held");
      await page.click('[data-testid=reading-cancel]');
      await page.waitForSelector('[data-testid=reading]', { state: 'detached' });

      await worker.release();
      // The cancelled file's answer arrives now and must be ignored: give it time to.
      await page.waitForTimeout(1_000);
      assert.equal(await page.$(sel.importPreview), null, 'no import is offered for the cancelled file');
      assert.deepEqual(await countsOf(page, 'kyiv-post'), before, 'the annotations are as they were');

      await page.setInputFiles(sel.importFile, doccanoFile());
      await page.waitForSelector(sel.importPreview, { state: 'visible' });
      assert.match(await page.textContent(sel.importTitle), /class\.jsonl \(doccano JSONL\)/);
      await page.click(sel.importMerge);
      await waitForCount(page, 'kyiv-post', 'entity', before.entity + 1);
    }, OPTIONS);
  });

  test('the export dialog says it is preparing the file until the worker answers, then previews it', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ context, page }) => {
      const worker = await holdWorker(context);
      await openApp(page, app.server.url);
      await tag(page, 'Volodymyr Zelensky', { key: 'p' });
      await page.click(sel.exportOpen);
      await page.waitForSelector(sel.exportDialog, { state: 'visible' });
      await page.waitForSelector('[data-testid=export-loading]', { state: 'visible' });
      assert.ok(await page.isDisabled(sel.exportDownload), 'nothing to download yet');
      assert.match(await page.textContent(sel.exportAbout), /1 annotation\(s\) in 5 article\(s\)/, 'the dialog is whole while it waits');

      await worker.release();
      await page.waitForSelector(sel.exportPreview, { state: 'visible' });
      assert.match(await page.textContent(sel.exportPreview), /"type": "AnnotationCollection"[\s\S]*"total": 1,/);
      assert.ok(await page.isEnabled(sel.exportDownload));
      assert.equal(await page.$('[data-testid=export-loading]'), null);
    }, OPTIONS);
  });

  test('the Entities view lists the registry at once and says it is looking for alike mentions until the worker answers', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ context, page }) => {
      const worker = await holdWorker(context);
      await openApp(page, app.server.url);
      await page.click(sel.entitiesToggle);
      await page.waitForSelector('[data-testid=proposals-loading]', { state: 'visible' });
      assert.ok(await page.isVisible('[data-testid=registry]'), 'the entries do not wait for the worker');
      await worker.release();
      await page.waitForSelector('[data-testid=proposals-loading]', { state: 'detached' });
    }, OPTIONS);
  });

  test('Compare outlets shows that it is comparing until the worker answers', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ context, page }) => {
      const worker = await holdWorker(context);
      await openApp(page, app.server.url);
      await page.click(sel.outletsToggle);
      await page.waitForSelector('[data-testid=outlets-loading]', { state: 'visible' });
      await worker.release();
      await page.waitForSelector('[data-testid=quote-groups]', { state: 'visible' });
      assert.equal(await page.$('[data-testid=outlets-loading]'), null);
    }, OPTIONS);
  });
});
