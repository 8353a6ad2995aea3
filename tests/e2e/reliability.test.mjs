// End-to-end tests of issue 7's reliability in the release build (dist/), in headless Chromium: a full
// storage that refuses a save and catches up once space is freed; two tabs of one browser that see
// and merge each other's edits through the `storage` event; every kind of action surviving a reload
// made at once; and the pending save written when the page is left.
//
// Run: bash scripts/test.sh build node   (or, with dist/ built: node --test tests/e2e/reliability.test.mjs)
import { serveBuiltApp } from '../support/suite.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { downloadFrom, withPage } from '../support/browser.mjs';
import {
  STATE_KEY,
  listedIds,
  openApp,
  savedState,
  selectInArticle,
  sel,
  tag,
  waitForApp,
  waitForSaved,
  waitForState,
  waitForText,
} from '../support/app.mjs';

const TEST_TIMEOUT = 120_000;
const ARTICLE = 'kyiv-post'; // the article open at start
const STAMP_KEY = 'news-annotator/state-stamp';

const app = serveBuiltApp();

/** Fills the origin's localStorage in ever smaller pieces until not one more character fits. */
async function fillStorage(page) {
  return page.evaluate(() => {
    let n = 0;
    for (let piece = 1 << 20; piece >= 1; ) {
      try {
        localStorage.setItem(`filler/${n}`, 'x'.repeat(piece));
        n++;
      } catch {
        piece = Math.floor(piece / 2);
      }
    }
    return n;
  });
}

/** Removes what `fillStorage` put there. */
async function freeStorage(page) {
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('filler/')) localStorage.removeItem(k);
  });
}

/** The saved annotation with this exact text, or undefined. */
function byExact(state, exact) {
  return state?.annotations.find((a) => a.exact === exact);
}

/**
 * Run in a page: from now on its localStorage writes are held in `window.heldWrites` instead of made,
 * until `window.letGo()` makes them in order (as a slow save would, while the other tab saves).
 */
function holdWrites() {
  const real = Storage.prototype.setItem;
  window.heldWrites = [];
  Storage.prototype.setItem = function (key, value) {
    window.heldWrites.push([key, value, this]);
  };
  window.letGo = () => {
    Storage.prototype.setItem = real;
    for (const [key, value, storage] of window.heldWrites) real.call(storage, key, value);
  };
}

/** A second page in the same context (so the same localStorage), with its errors collected. */
async function secondPage(context) {
  const page = await context.newPage();
  page.pageErrors = [];
  page.on('pageerror', (err) => page.pageErrors.push(String(err?.stack ?? err)));
  return page;
}

describe('reliability in Chromium', { timeout: TEST_TIMEOUT * 4 }, () => {
  test('storage full: the notice and its download come at once; freed space saves both edits and the notice goes', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      const first = await tag(page, 'Volodymyr Zelensky', { key: 'p' });
      await waitForSaved(page, [first]);
      assert.ok((await fillStorage(page)) > 0);

      const second = await tag(page, 'Washington Post', { key: 'o' });
      // At once: within a second of the edit (the save runs right after the next paint).
      await page.waitForSelector(sel.saveFailed, { timeout: 1_000 });
      assert.match(await page.textContent(sel.saveFailed), /full/);
      assert.equal(byExact(await savedState(page), 'Washington Post'), undefined, 'the refused edit is not saved');
      assert.deepEqual((await listedIds(page)).sort(), [first, second].sort(), 'the edit stays in memory');
      const file = await downloadFrom(page, sel.saveFailedDownload);
      const data = JSON.parse(file.text);
      assert.deepEqual(data.annotations.map((a) => a.exact).sort(), ['Volodymyr Zelensky', 'Washington Post'], 'the download holds the new annotation');

      await freeStorage(page);
      const third = await tag(page, 'J.D. Vance', { key: 'p' });
      await waitForSaved(page, [first, second, third]);
      await page.waitForSelector(sel.saveFailed, { state: 'detached', timeout: 1_000 });
      const saved = await savedState(page);
      assert.equal(byExact(saved, 'Washington Post')?.kind, 'organization', 'the refused edit caught up');
      assert.equal(byExact(saved, 'J.D. Vance')?.kind, 'person');
    });
  });

  test('two tabs: an edit appears in the other, concurrent edits are merged in both, a delete goes from both', { timeout: TEST_TIMEOUT }, async (t) => {
    await withPage(app.browser, async ({ context, page: a }) => {
      const b = await secondPage(context);
      await openApp(a, app.server.url);
      await openApp(b, app.server.url);
      t.diagnostic(`visibility: A ${await a.evaluate(() => document.visibilityState)}, B ${await b.evaluate(() => document.visibilityState)}`);

      // An edit in A appears in B without a reload.
      // The page a person works in is the one in front: the other one gets a frame a second at most.
      await a.bringToFront();
      const person = await tag(a, 'Volodymyr Zelensky', { key: 'p' });
      await b.waitForSelector(sel.item(person));
      await waitForText(b, `${sel.info} span`, 'another tab');
      assert.deepEqual(await listedIds(b), [person]);

      // Both tag at the same moment, and both save before either has seen the other's save: each page's
      // writes are held back until both have made their edit, then let go together.
      for (const page of [a, b]) await page.evaluate(holdWrites);
      await selectInArticle(a, 'Washington Post');
      await b.bringToFront();
      await selectInArticle(b, 'J.D. Vance');
      await Promise.all([a.keyboard.press('o'), b.keyboard.press('p')]);
      for (const page of [a, b]) {
        // A page saves after its next frame, and a page behind another may get none until it is in front.
        await page.bringToFront();
        await page.waitForFunction((key) => window.heldWrites.some(([k]) => k === key), STATE_KEY);
      }
      await Promise.all([a.evaluate(() => window.letGo()), b.evaluate(() => window.letGo())]);
      await waitForState(a, (state) => state.annotations.length === 3);
      const both = async (page) => {
        await page.waitForFunction((s) => document.querySelectorAll(s).length === 3, sel.anyItem);
        return (await listedIds(page)).sort();
      };
      const saved = await savedState(a);
      const ids = saved.annotations.map((x) => x.id).sort();
      assert.deepEqual(saved.annotations.map((x) => x.exact).sort(), ['J.D. Vance', 'Volodymyr Zelensky', 'Washington Post']);
      assert.deepEqual(await both(a), ids, 'A has both edits');
      assert.deepEqual(await both(b), ids, 'B has both edits');
      // Each tab made its own edit first and then merged the other's: the edits were concurrent.
      for (const [name, page] of [['A', a], ['B', b]]) {
        const undo = await page.getAttribute(sel.undo, 'title');
        assert.equal(undo, 'Undo: changes from another tab (Ctrl+Z)', `${name}'s last step is the merge`);
      }

      // A deletes what B tagged: it goes from B too, and stays gone.
      const vance = byExact(saved, 'J.D. Vance').id;
      await a.bringToFront();
      await a.click(sel.item(vance));
      await a.click(sel.deleteButton);
      await b.waitForSelector(sel.item(vance), { state: 'detached' });
      await waitForState(a, (state, id) => !state.annotations.some((x) => x.id === id), vance);
      // B's autosave of the merge must not bring it back.
      await b.waitForTimeout(300);
      assert.equal(byExact(await savedState(b), 'J.D. Vance'), undefined);
      assert.deepEqual((await listedIds(a)).sort(), (await listedIds(b)).sort());
      assert.deepEqual(b.pageErrors, []);
      await b.close();
    });
  });

  test('a reload at once after each kind of action shows that action', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      const reload = async () => {
        await page.reload();
        await waitForApp(page);
      };
      const saved = async (id) => (await savedState(page))?.annotations.find((x) => x.id === id);

      // Tag.
      const person = await tag(page, 'Volodymyr Zelensky', { key: 'p' });
      await reload();
      assert.equal((await saved(person))?.kind, 'person', 'tag');
      assert.deepEqual(await listedIds(page), [person]);

      // Relabel.
      await page.click(sel.item(person));
      await page.selectOption(sel.labelSelect, 'organization');
      await reload();
      assert.equal((await saved(person))?.kind, 'organization', 'relabel');

      // Note.
      await page.click(sel.item(person));
      await page.fill(sel.note, 'Checked ✓');
      await reload();
      assert.equal((await saved(person))?.note, 'Checked ✓', 'note');

      // Link a quote to the organization that said it.
      const quote = await tag(page, '"politely declined"', { key: 'q' });
      await page.selectOption(sel.sourceSelect, person);
      await reload();
      assert.equal((await saved(quote))?.source, person, 'link');

      // Delete.
      await page.click(sel.item(quote));
      await page.click(sel.deleteButton);
      await reload();
      assert.equal(await saved(quote), undefined, 'delete');

      // Undo (after an action that was saved).
      const claim = await tag(page, 'Washington Post', { key: 'c' });
      await waitForSaved(page, [person, claim]);
      await page.click(sel.undo);
      await reload();
      assert.equal(await saved(claim), undefined, 'undo');

      // Redo.
      const place = await tag(page, 'Munich Security Conference', { key: 'l' });
      await waitForSaved(page, [person, place]);
      await page.click(sel.undo);
      await waitForSaved(page, [person]);
      await page.click(sel.redo);
      await reload();
      assert.equal((await saved(place))?.kind, 'place', 'redo');

      // Add an own article.
      await page.click(sel.addArticleOpen);
      await page.fill(sel.addArticleText, 'Reload test\n\nA short article of my own.');
      await page.click(sel.addArticleAdd);
      const own = await page.waitForSelector(sel.ownArticles);
      const id = await own.getAttribute('data-article');
      await reload();
      assert.deepEqual((await savedState(page)).articles.map((x) => [x.id, x.title]), [[id, 'Reload test']], 'add article');

      // Rename it.
      await page.click(sel.renameArticle(id));
      await page.fill(sel.renameField, 'Renamed at once');
      await page.keyboard.press('Enter');
      await reload();
      assert.equal((await savedState(page)).articles[0]?.title, 'Renamed at once', 'rename');
      assert.equal(await page.textContent(`${sel.articleButton(id)} .title`), 'Renamed at once');
    });
  });

  test('leaving the page writes the pending save, which would otherwise wait for a paint that never comes', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      const person = await tag(page, 'Volodymyr Zelensky', { key: 'p' });
      await waitForSaved(page, [person]);
      // Select, then tag and hide the page in one task: no frame is painted in between.
      await selectInArticle(page, 'Washington Post');
      const hiddenSave = await page.evaluate(async (key) => {
        const before = localStorage.getItem(key);
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'o', bubbles: true }));
        const atOnce = localStorage.getItem(key) !== before;
        window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
        return { atOnce, onLeave: localStorage.getItem(key) !== before };
      }, STATE_KEY);
      assert.deepEqual(hiddenSave, { atOnce: false, onLeave: true }, 'saved when the page is left, not before');
      assert.equal(byExact(await savedState(page), 'Washington Post')?.kind, 'organization');
      const stamp = await page.evaluate((k) => localStorage.getItem(k), STAMP_KEY);
      assert.match(stamp, /^a[0-9a-z]+\n[0-9a-z]*\n\d+$/, 'the save carries its stamp');
    });
  });
});
