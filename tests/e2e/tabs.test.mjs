// End-to-end test of issue 17's "Tabs" bar in the release build (dist/), in headless Chromium: three
// tabs of one browser, a delete in one stays deleted in all, even when a third tab saves the deleted
// annotation again before it has heard of the delete.
//
// The interleaving: A tags x and every tab shows it; C's storage events are held back; B deletes x,
// A merges that, and B is closed; C tags y and saves x with it; then C's held event arrives. While the
// merge took its BASE from the last state a tab read, A took C's x for new and brought it back, and
// with B gone no tab knew better: x stayed, in storage too.
//
// Run: bash scripts/test.sh build node   (or, with dist/ built: node --test tests/e2e/tabs.test.mjs)
import { serveBuiltApp } from '../support/suite.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage } from '../support/browser.mjs';
import { listedIds, openApp, savedState, sel, tag, waitForState } from '../support/app.mjs';

const TEST_TIMEOUT = 120_000;

const app = serveBuiltApp();

/** Another page in the same context (so the same localStorage), with its errors collected. */
async function anotherPage(context) {
  const page = await context.newPage();
  page.pageErrors = [];
  page.on('pageerror', (err) => page.pageErrors.push(String(err?.stack ?? err)));
  return page;
}

/**
 * Run in a page before the app loads: the app's `storage` listeners are wrapped so that, after
 * `window.holdEvents()`, the events are kept in `window.heldEvents` instead of handled, until
 * `window.releaseEvents()` hands them to the app in order (as a busy tab would handle them late).
 */
function holdableStorageEvents() {
  window.heldEvents = null;
  const real = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (this !== window || type !== 'storage') return real.call(this, type, listener, options);
    const handle = (event) => (typeof listener === 'function' ? listener.call(window, event) : listener.handleEvent(event));
    return real.call(this, type, (event) => (window.heldEvents ? window.heldEvents.push(() => handle(event)) : handle(event)), options);
  };
  window.holdEvents = () => {
    window.heldEvents = [];
  };
  window.releaseEvents = () => {
    const held = window.heldEvents ?? [];
    window.heldEvents = null;
    for (const handle of held) handle();
  };
  // The annotation ids of every state this page saves (another tab may overwrite it at once).
  window.savedIds = [];
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (key === 'news-annotator/state') window.savedIds.push(JSON.parse(value).annotations.map((a) => a.id));
    return setItem.call(this, key, value);
  };
}

/** Whether the saved state has an annotation with this id. */
const has = (state, id) => state.annotations.some((a) => a.id === id);

describe('three tabs in Chromium', { timeout: TEST_TIMEOUT * 2 }, () => {
  test('a delete in one of three tabs stays deleted in all, though a third saved it again before hearing of it', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ context, page: a }) => {
      const b = await anotherPage(context);
      const c = await anotherPage(context);
      await c.addInitScript(holdableStorageEvents);
      for (const page of [a, b, c]) await openApp(page, app.server.url);

      await a.bringToFront();
      const x = await tag(a, 'Volodymyr Zelensky', { key: 'p' });
      for (const page of [b, c]) await page.waitForSelector(sel.item(x));

      await c.evaluate(() => window.holdEvents());
      await b.bringToFront();
      await b.click(sel.item(x));
      await b.click(sel.deleteButton);
      await waitForState(b, (state, id) => !has(state, id), x);
      await a.waitForSelector(sel.item(x), { state: 'detached' });
      await c.waitForFunction(() => window.heldEvents.length > 0);
      assert.deepEqual(await listedIds(c), [x], 'C has not heard of the delete');
      assert.deepEqual(b.pageErrors, []);
      await b.close();

      // C tags y and saves it with x, which it still has.
      await c.bringToFront();
      const y = await tag(c, 'Washington Post', { key: 'o' });
      await c.waitForFunction(([x, y]) => window.savedIds.some((ids) => ids.includes(x) && ids.includes(y)), [x, y]);
      await c.evaluate(() => window.releaseEvents());

      // Both tabs end with y and without x, on screen and in storage.
      for (const page of [a, c]) {
        await page.bringToFront();
        await page.waitForSelector(sel.item(y));
        await page.waitForSelector(sel.item(x), { state: 'detached' });
      }
      await waitForState(a, (state, [x, y]) => !has(state, x) && has(state, y), [x, y]);
      // Later saves of the merges (each tab's after its next frame) must not bring it back either.
      for (const page of [a, c]) {
        await page.bringToFront();
        await page.waitForTimeout(300);
      }
      const saved = await savedState(a);
      assert.equal(saved.schema, 4);
      assert.deepEqual(saved.annotations.map((s) => s.id), [y], 'storage holds y alone');
      assert.ok(saved.deleted?.annotations?.[x] > 0, 'x is kept as deleted, with the time of its delete');
      // A tab opened now starts from storage without x.
      const d = await anotherPage(context);
      await openApp(d, app.server.url);
      for (const [name, page] of [['A', a], ['C', c], ['a new tab', d]]) {
        assert.deepEqual(await listedIds(page), [y], `${name} shows y alone`);
      }
      assert.deepEqual([...c.pageErrors, ...d.pageErrors], []);
      await c.close();
      await d.close();
    });
  });
});
