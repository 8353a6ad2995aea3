// End-to-end tests of the "Compare outlets" view in the release build: the Zelensky quote that three
// outlets render differently is one group with its word differences, against either base; a version
// opens its article; claims tagged in two articles show who makes them and who leaves them out.
//
// Run: bash scripts/test.sh build node   (or, with dist/ built: node --test tests/e2e/outlets.test.mjs)
import { serveBuiltApp } from '../support/suite.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, withPage } from '../support/browser.mjs';
import { openApp, openArticle, openOutlets, sel, tag, waitForCount } from '../support/app.mjs';

const TEST_TIMEOUT = 120_000;
const ZELENSKY = ['munich-dispatch', 'arab-news', 'explainer'];

const app = serveBuiltApp();

/** The texts of `selector` inside `root` (a locator). */
async function textsOf(root, selector) {
  return root.locator(selector).evaluateAll((els) => els.map((e) => e.textContent.trim()));
}

describe('the Compare outlets view in Chromium', { timeout: TEST_TIMEOUT * 2 }, () => {
  test('the Zelensky quote is one group of three articles, with "crucial" as a difference either way; a version opens its article', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      await openOutlets(page);
      assert.equal(await page.isVisible(sel.articleText), false, 'the articles make way for the view');
      assert.equal(await page.getAttribute(sel.outletsToggle, 'aria-pressed'), 'true');

      const group = page.locator(sel.quoteGroupOf(ZELENSKY)).filter({ hasText: 'crucial' });
      assert.equal(await group.count(), 1, 'one group holds the three versions of the Zelensky quote');
      const listed = await group.locator('li[data-testid=quote-version]').evaluateAll((els) => els.map((e) => e.getAttribute('data-article')));
      assert.deepEqual(listed, ZELENSKY);
      const titles = await textsOf(group, '.version-head .title');
      assert.deepEqual(titles, [
        'Zelenskyy decides against authorizing minerals agreement',
        'US offered Ukraine almost nothing in return for minerals',
        'Why Zelensky rejected the rare earth minerals deal',
      ]);

      // The first version (munich-dispatch) is the base: the others lack its "crucial to connect".
      const munich = group.locator(sel.quoteVersion('munich-dispatch'));
      const arab = group.locator(sel.quoteVersion('arab-news'));
      assert.equal(await munich.getAttribute('data-base'), 'true');
      // Struck-through and underlined words carry hidden words for screen readers.
      assert.deepEqual(await textsOf(arab, 'del'), ['[base has: it]', '[base has: crucial to connect]', '[base has: with]']);
      assert.deepEqual(await textsOf(arab, 'ins'), ['[only here: very important the connection between]', '[only here: and some kind of]']);
      assert.equal(await munich.locator('del, ins').count(), 0, 'the base is shown plain');
      const explainerNote = await group.locator(`${sel.quoteVersion('explainer')} .version-head .meta`).count();
      assert.equal(explainerNote, 0, 'explainer differs from the munich-dispatch base');
      await screenshot(page, 'outlets-1-munich-base');

      // Pick arab-news as the base: now munich-dispatch has "crucial" that the base lacks, and explainer
      // has the very same words.
      await arab.locator(sel.quoteBase).check();
      await group.locator(`${sel.quoteVersion('arab-news')}[data-base=true]`).waitFor();
      assert.equal(await munich.getAttribute('data-base'), 'false');
      assert.deepEqual(await textsOf(munich, 'ins'), ['[only here: it]', '[only here: crucial to connect]', '[only here: with]']);
      assert.equal(await arab.locator('del, ins').count(), 0);
      assert.equal((await group.locator(`${sel.quoteVersion('explainer')} .version-head .meta`).textContent()).trim(), 'same words as the base');
      await screenshot(page, 'outlets-2-arab-base');

      // A version opens its article, at the quotation.
      await munich.locator(sel.quoteOpen).click();
      await page.waitForSelector(`${sel.openArticle('munich-dispatch')} p.para`);
      await page.waitForSelector(sel.outletsView, { state: 'detached' });
      assert.equal(await page.getAttribute(sel.outletsToggle, 'aria-pressed'), 'false');
      assert.ok((await page.textContent(sel.articleText)).includes('For me, it is crucial to connect'));
    });
  });

  test('claims tagged in two articles are one row: ✓ where an article makes it, — where it leaves it out', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      await openArticle(page, 'munich-dispatch');
      await tag(page, 'Ukraine possesses substantial reserves of critical minerals', { key: 'c' });
      await openArticle(page, 'arab-news');
      const arabClaim = await tag(page, 'Ukraine has vast reserves of critical minerals', { key: 'c' });
      await waitForCount(page, 'arab-news', 'claim', 1);

      await openOutlets(page);
      const rows = page.locator(sel.coverageClaimRows);
      assert.equal(await rows.count(), 1, 'the two alike claims share one row');
      const row = rows.first();
      assert.equal(await row.getAttribute('data-count'), '2');
      assert.equal((await row.locator('th').textContent()).trim(), 'Ukraine possesses substantial reserves of critical minerals');
      const covers = await row.locator('td').evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-article'), td.getAttribute('data-covers'), td.textContent.trim()]));
      assert.deepEqual(covers, [
        ['kyiv-post', 'false', '—leaves out'],
        ['munich-dispatch', 'true', '✓makes it'],
        ['ft-retold', 'false', '—leaves out'],
        ['arab-news', 'true', '✓makes it'],
        ['explainer', 'false', '—leaves out'],
      ]);
      assert.equal(await page.locator(`${sel.coverageEntities}`).count(), 0, 'no entries, no entries table');
      await screenshot(page, 'outlets-3-claims');

      // The ✓ opens the claim in its article, selected.
      await row.locator(`${sel.coverageCell('arab-news')} button`).click();
      await page.waitForSelector(`${sel.openArticle('arab-news')} p.para`);
      await page.waitForSelector(`${sel.item(arabClaim)} .item.selected`);
      assert.equal((await page.textContent(`${sel.detail} blockquote.exact`)).trim(), 'Ukraine has vast reserves of critical minerals');
    });
  });
});
