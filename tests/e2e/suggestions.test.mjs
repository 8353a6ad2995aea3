// End-to-end tests of suggestions (issue 18) in the release build: the open article's suggestions
// arrive from the web worker, show as a quiet layer in the text (CSS highlights, no DOM of their own)
// with their reason on hover, and in their card with the reason; the keys accept (Y), reject (X) and move (N, Shift+N); a
// rejection survives a reload; "Accept all quotes" is one undo step; a student in an exercise sees
// none unless the teacher's exercise turns them on.
//
// Run: bash scripts/test.sh build node   (or, with dist/ built: node --test tests/e2e/suggestions.test.mjs)
import { serveBuiltApp } from '../support/suite.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage } from '../support/browser.mjs';
import { countsOf, openApp, openArticle, savedState, sel, waitForState } from '../support/app.mjs';

const TEST_TIMEOUT = 120_000;
const ARTICLE = 'kyiv-post';
const app = serveBuiltApp();

const sug = {
  open: '[data-testid=suggestions-open]',
  bar: '[data-testid=suggestions]',
  none: '[data-testid=suggestions-none]',
  current: '[data-testid=suggestion-current]',
  reason: '[data-testid=suggestion-reason]',
  acceptAllQuotes: '[data-testid=accept-all-quotes]',
};

/** The bar's "Suggestion i of n": [i, n]. */
async function position(page) {
  const text = await page.textContent(sug.current);
  const m = /Suggestion (\d+) of (\d+)/.exec(text);
  assert.ok(m, text);
  return [Number(m[1]), Number(m[2])];
}

/** The current suggestion's key (kind and span). */
const currentKey = (page) => page.getAttribute(sug.current, 'data-key');

/** Waits until the current suggestion's key is not `key`. */
async function waitForOtherThan(page, key) {
  await page.waitForFunction(({ s, key }) => document.querySelector(s)?.getAttribute('data-key') !== key, { s: sug.current, key });
}

/** How many ranges the named CSS highlight marks (0 when it is not set). */
const marked = (page, name) => page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, name);

describe('suggestions in Chromium', () => {
  test('suggestions arrive, show as a layer with their reason, and the keys accept, reject and move; a rejection survives a reload', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      await openArticle(page, ARTICLE);
      // The layer comes by itself; the card opens on request, so nothing moves when they arrive.
      await page.waitForFunction(() => (CSS.highlights.get('na-suggestion')?.size ?? 0) > 0);
      assert.equal(await page.locator(sug.bar).count(), 0);
      await page.click(sug.open);
      await page.waitForSelector(sug.current);
      const [first, total] = await position(page);
      assert.equal(first, 1);
      assert.ok(total >= 5, `the article has suggestions (${total})`);
      assert.ok((await page.textContent(sug.reason)).trim().length > 0, 'a reason is given');
      await page.waitForFunction((n) => CSS.highlights.get('na-suggestion')?.size === n, total);
      assert.equal(await marked(page, 'na-suggestion-current'), 1);
      assert.equal(await page.locator(`${sel.articleText} [data-suggestion]`).count(), 0, 'the layer adds no elements to the text');

      // Over the current suggestion, the article's tooltip gives its reason.
      const box = await page.evaluate(() => {
        const [range] = CSS.highlights.get('na-suggestion-current');
        const r = range.getClientRects()[0];
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      await page.mouse.move(box.x, box.y);
      const reason = (await page.textContent(sug.reason)).trim();
      await page.waitForFunction(
        ({ s, reason }) => (document.querySelector(s)?.getAttribute('title') ?? '').endsWith(reason),
        { s: sel.articleText, reason },
      );

      // N moves on, Shift+N back.
      const one = await currentKey(page);
      await page.keyboard.press('n');
      await waitForOtherThan(page, one);
      assert.deepEqual(await position(page), [2, total]);
      await page.keyboard.press('Shift+N');
      await page.waitForFunction(({ s, key }) => document.querySelector(s)?.getAttribute('data-key') === key, { s: sug.current, key: one });

      // X rejects the current one; it is kept.
      await page.keyboard.press('x');
      await waitForOtherThan(page, one);
      assert.deepEqual(await position(page), [1, total - 1]);
      await page.waitForFunction((k) => (localStorage.getItem('news-annotator/suggestions') ?? '').includes(k), one);

      // Y accepts: an ordinary annotation (with its speaker where the suggestion names one).
      const before = await countsOf(page, ARTICLE);
      const two = await currentKey(page);
      await page.keyboard.press('y');
      await waitForOtherThan(page, two);
      const after = await countsOf(page, ARTICLE);
      const added = after.claim + after.quote + after.entity - (before.claim + before.quote + before.entity);
      assert.ok(added >= 1, `an annotation was made (${JSON.stringify(after)})`);
      await waitForState(page, (state, n) => state.annotations.length === n, added);
      assert.deepEqual(await position(page), [1, total - 2]);

      // After a reload: the rejected one stays away, the accepted one is an annotation.
      await page.reload();
      await openArticle(page, ARTICLE);
      await page.keyboard.press('n'); // the first N opens the card, on the first suggestion
      await page.waitForSelector(sug.current);
      assert.deepEqual(await position(page), [1, total - 2]);
      for (let i = 0; i < total - 2; i += 1) {
        const k = await currentKey(page);
        assert.notEqual(k, one, 'the rejected suggestion is not shown again');
        assert.notEqual(k, two, 'the accepted suggestion is not shown again');
        await page.keyboard.press('n');
        if (total - 2 > 1) await waitForOtherThan(page, k);
      }
      assert.equal((await savedState(page)).annotations.length, added);
    });
  });

  test('"Accept all quotes" is one undo step', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      await openArticle(page, ARTICLE);
      await page.click(sug.open);
      await page.waitForSelector(sug.acceptAllQuotes);
      const n = Number(/Accept all (\d+) quotes/.exec(await page.textContent(sug.acceptAllQuotes))[1]);
      await page.click(sug.acceptAllQuotes);
      await page.waitForFunction(({ s, n }) => document.querySelector(s)?.textContent.trim() === String(n), { s: sel.count(ARTICLE, 'quote'), n });
      assert.equal(await page.locator(sug.acceptAllQuotes).count(), 0, 'no quote is suggested any more');
      await page.keyboard.press('Control+z');
      await page.waitForFunction((s) => document.querySelector(s)?.textContent.trim() === '0', sel.count(ARTICLE, 'quote'));
      const counts = await countsOf(page, ARTICLE);
      assert.deepEqual(counts, { claim: 0, quote: 0, entity: 0 }, 'the speakers made with them went too');
    });
  });

  test('a student in an exercise sees no suggestions unless the exercise turns them on', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      await page.click('[data-testid=classroom-toggle]');
      await page.fill('[data-testid=exercise-title]', 'Quotes');
      await page.check(`[data-testid=make-exercise] input[data-article="${ARTICLE}"]`);
      await page.click('[data-testid=create-exercise]');
      await page.waitForSelector('[data-testid=teaching]');
      const students = await page.evaluate(() => document.querySelector('[data-testid=exercise-link]')?.value ?? null);
      assert.equal(students, null, 'no link made yet');
      await page.click('[data-testid=make-link]');
      const plain = await page.inputValue('[data-testid=exercise-link]');

      // The same exercise with suggestions on.
      await page.click('[data-testid=new-exercise]');
      await page.fill('[data-testid=exercise-title]', 'Quotes with help');
      await page.check(`[data-testid=make-exercise] input[data-article="${ARTICLE}"]`);
      await page.check('[data-testid=exercise-suggestions]');
      await page.click('[data-testid=create-exercise]');
      await page.waitForSelector('[data-testid=teaching]');
      await page.click('[data-testid=make-link]');
      const helped = await page.inputValue('[data-testid=exercise-link]');

      for (const [link, shown] of [[plain, false], [helped, true]]) {
        await withPage(app.browser, async ({ page: student }) => {
          await student.goto(link);
          await student.waitForSelector('[data-testid=exercise-banner]');
          await student.waitForSelector(`${sel.openArticle(ARTICLE)} p.para`);
          await student.click(sug.open);
          if (shown) {
            await student.waitForSelector(sug.current);
            assert.ok((await marked(student, 'na-suggestion')) > 0);
          } else {
            await student.waitForSelector(sug.none);
            assert.match(await student.textContent(sug.none), /find everything yourself/);
            assert.equal(await marked(student, 'na-suggestion'), 0);
          }
        });
      }
    });
  });
});
