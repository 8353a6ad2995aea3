// The first screen written at build time (`na-convert first-screen`, scripts/post-build.mjs): without the
// wasm the page still shows the first article, its controls inert; with it, the app takes the screen
// over (adopting the article's lines), leaves exactly one article view, moves nothing on the way, and a
// returning visit shows its own article with no line of the built one left over.
//
// Run: bash scripts/test.sh build node   (or, with dist/ built: node --test tests/e2e/first_screen.test.mjs)
import { serveBuiltApp } from '../support/suite.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { locateText, selectTextWithMouse, withPage } from '../support/browser.mjs';
import { loadSeeds } from '../support/paths.mjs';
import { highlightText, openApp, sel, tag, waitForApp, waitForSaved } from '../support/app.mjs';

const SEEDS = loadSeeds();
const FIRST = SEEDS[0];
const LINES = FIRST.text.split('\n').length;
const PRERENDERED = '[data-prerendered]';
const TEST_TIMEOUT = 120_000;

/** The first `n` words of the first article's first long line, to select and tag. */
const wordsOfFirstLine = (n) => FIRST.text.split('\n').find((l) => l.length > 40).split(' ').slice(0, n).join(' ');

const app = serveBuiltApp();

/** Aborts every request for a .wasm file, so the app never starts. */
async function blockWasm(context) {
  await context.route('**/*.wasm', (route) => route.abort());
}

/** The page's errors, less those a blocked wasm causes (the loader's failed fetch); clears the rest. */
function dropWasmErrors(page) {
  const other = page.pageErrors.filter((e) => !/wasm|fetch|Failed to load|WebAssembly/i.test(e));
  page.pageErrors.length = 0;
  return other;
}

/** Holds back the app's wasm until `release()`, so the first screen stays the built one meanwhile. */
async function holdWasm(context) {
  const held = [];
  let released = false;
  await context.route('**/news-annotator*_bg.wasm', (route) => (released ? route.continue() : held.push(route)));
  return async () => {
    released = true;
    await Promise.all(held.splice(0).map((route) => route.continue()));
  };
}

/** The text of the one claim in the open article, once there is one. */
async function taggedClaim(page) {
  await page.waitForSelector(`${sel.articleText} .seg.hl.claim`);
  const id = await page.getAttribute(`${sel.items('claim')}`, 'data-annotation');
  return highlightText(page, id);
}

/** Where the parts that must not move are, in CSS pixels, under `root` (the prerendered or live screen). */
async function layoutOf(page, root) {
  return page.evaluate((root) => {
    const box = (selector) => {
      const el = document.querySelector(`${root} ${selector}`);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return [r.left, r.top, r.width, r.height].map((v) => Math.round(v * 10) / 10);
    };
    return {
      title: box('.reader .article-title'),
      hint: box('.reader .hint'),
      firstLine: box('.article-text p.para'),
      lastLine: box('.article-text .chunk:last-child p.para:last-child'),
      topbar: box('header.topbar'),
      list: box('nav.articles'),
      currentArticle: box('nav.articles button.current'),
      side: box('aside.side'),
    };
  }, root);
}

describe('the first screen written at build time', { timeout: TEST_TIMEOUT * 4 }, () => {
  test('without the wasm, the page shows the first article in p.para lines, its controls inert', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ context, page }) => {
      await blockWasm(context);
      await page.goto(app.server.url);
      await page.waitForSelector(`${PRERENDERED} article p.para`);
      const lines = await page.$$eval(`${PRERENDERED} article p.para`, (ps) => ps.map((p) => p.textContent));
      assert.equal(lines.length, LINES);
      assert.equal(lines.join('\n'), FIRST.text, 'the lines are the first article, exactly');
      assert.equal(await page.textContent(`${PRERENDERED} .article-title`), FIRST.title);
      // The app's own root is hidden while the built screen stands in for it; nothing is live.
      assert.equal(await page.isVisible('#app'), false);
      assert.equal(await page.locator(sel.articleText).count(), 0);
      assert.equal(await page.getAttribute(PRERENDERED, 'aria-busy'), 'true');
      for (const part of ['header .actions', 'nav.articles', 'aside.side']) {
        assert.equal(await page.getAttribute(`${PRERENDERED} ${part}`, 'inert'), '', `${part} is inert`);
      }
      assert.equal(await page.locator(`${PRERENDERED} nav.articles li`).count(), SEEDS.length);
      assert.deepEqual(dropWasmErrors(page), []);
    });
  });

  test('with the wasm, the app adopts the built lines and leaves one article view, where tagging works', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      // The first built line, kept before the app starts: adopted, it is the very node the app shows.
      await page.addInitScript(() => {
        document.addEventListener('readystatechange', () => {
          if (document.readyState === 'interactive') {
            window.builtFirstLine = document.querySelector('[data-prerendered] article p.para');
          }
        });
      });
      await openApp(page, app.server.url);
      assert.equal(await page.locator(PRERENDERED).count(), 0, 'the built screen is gone');
      assert.equal(await page.locator('article').count(), 1, 'one article view');
      assert.equal(await page.locator('p.para').count(), LINES, 'each line once');
      assert.equal(await page.locator('h1').count(), 1);
      const adopted = await page.evaluate(() => {
        const line = window.builtFirstLine;
        return Boolean(line?.isConnected && line.closest('article[data-testid=article-text]'));
      });
      assert.ok(adopted, 'the built first line is now in the live article');
      const words = wordsOfFirstLine(4);
      const id = await tag(page, words, { key: 'c' });
      assert.equal(await highlightText(page, id), words);
      assert.equal(await page.locator('p.para').count(), LINES);
    });
  });

  test('nothing moves when the app takes over', { timeout: TEST_TIMEOUT }, async () => {
    let built;
    await withPage(app.browser, async ({ context, page }) => {
      await blockWasm(context);
      await page.goto(app.server.url);
      await page.waitForSelector(`${PRERENDERED} article p.para`);
      await page.evaluate(() => document.fonts.ready);
      built = await layoutOf(page, PRERENDERED);
      dropWasmErrors(page);
    });
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      await page.evaluate(() => document.fonts.ready);
      const live = await layoutOf(page, '#app');
      for (const [part, box] of Object.entries(built)) {
        assert.ok(box, `${part} is on the built screen`);
        assert.deepEqual(live[part], box, `${part} is where the built screen had it`);
      }
    });
  });

  test('a returning visit with annotations shows them, with no built line left', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      const words = wordsOfFirstLine(3);
      const id = await tag(page, words, { key: 'q' });
      await waitForSaved(page, [id]);
      // The first article, now with an annotation: drawn by the app, not adopted.
      await page.reload();
      await waitForApp(page);
      assert.equal(await page.locator(PRERENDERED).count(), 0);
      assert.equal(await page.locator('p.para').count(), LINES);
      assert.equal(await highlightText(page, id), words);
    });
  });

  test('built lines that are not what the app would draw are not adopted, and none is left', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ context, page }) => {
      // A page whose built article claims another text (as an older build's could).
      await context.route(/\/(index\.html)?$/, async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(/data-sha256="[0-9a-f]{64}"/, `data-sha256="${'0'.repeat(64)}"`);
        await route.fulfill({ response, body: html });
      });
      await page.addInitScript(() => {
        document.addEventListener('readystatechange', () => {
          if (document.readyState === 'interactive') {
            window.builtFirstLine = document.querySelector('[data-prerendered] article p.para');
          }
        });
      });
      await openApp(page, app.server.url);
      assert.equal(await page.evaluate(() => window.builtFirstLine instanceof Element), true, 'the page had a built line');
      assert.equal(await page.evaluate(() => window.builtFirstLine.isConnected), false, 'the built line was dropped');
      assert.equal(await page.locator(PRERENDERED).count(), 0);
      assert.equal(await page.locator('p.para').count(), LINES);
      const lines = await page.$$eval('p.para', (ps) => ps.map((p) => p.textContent));
      assert.equal(lines.join('\n'), FIRST.text);
    });
  });

  test('text selected while the app loads stays selected, and `c` tags it once the app is up', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ context, page }) => {
      const release = await holdWasm(context);
      await page.goto(app.server.url);
      await page.waitForSelector(`${PRERENDERED} p.para`);
      const words = wordsOfFirstLine(4);
      assert.equal(await selectTextWithMouse(page, `${PRERENDERED} article`, words), words);
      await release();
      await waitForApp(page);
      assert.equal(await page.$(PRERENDERED), null);
      assert.equal(await page.evaluate(() => String(window.getSelection())), words, 'the selection survived the takeover');
      await page.waitForSelector(sel.toolbar, { state: 'visible' });
      await page.keyboard.press('c');
      assert.equal(await taggedClaim(page), words);
    });
  });

  test('a selection the mouse is still making when the app takes over ends where the mouse lets go', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ context, page }) => {
      const release = await holdWasm(context);
      await page.goto(app.server.url);
      await page.waitForSelector(`${PRERENDERED} p.para`);
      const words = wordsOfFirstLine(5);
      const { start, end } = await locateText(page, `${PRERENDERED} article`, words);
      await page.mouse.move(start.x + Math.min(1, start.width / 4), start.y);
      await page.mouse.down();
      await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
      await release();
      await waitForApp(page);
      await page.mouse.move(end.x - Math.min(1, end.width / 4), end.y, { steps: 10 });
      await page.mouse.up();
      await page.waitForSelector(sel.toolbar, { state: 'visible' });
      await page.keyboard.press('c');
      assert.equal(await taggedClaim(page), words);
    });
  });
});
