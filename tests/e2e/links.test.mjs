// End-to-end tests of issue 5's links and find-and-tag in the release build (dist/), in headless
// Chromium, driven with the real mouse and keyboard: a quote linked to its speaker by "Pick in text",
// a claim linked with the keyboard, a deleted source and its undo, a claim's check status on its
// highlight, and tagging every hit of a search in all articles in one undo step.
//
// Run: bash scripts/test.sh build node   (or, with dist/ built: node --test tests/e2e/links.test.mjs)
import { serveBuiltApp } from '../support/suite.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { screenshot, withPage } from '../support/browser.mjs';
import { loadSeeds } from '../support/paths.mjs';
import {
  STATE_KEY,
  countsOf,
  openApp,
  openArticle,
  sel,
  tag,
  waitForApp,
  waitForCount,
  waitForText,
} from '../support/app.mjs';

const SEEDS = loadSeeds();
const ARTICLE = 'ft-retold';
const PERSON = 'Scott Bessent';
const QUOTE =
  '"From President Trump\'s perspective, this document is important to resolve this conflict as soon as possible (with Russia),"';
const CLAIM =
  'Bessent argued that the presence of Americans alone would ensure the location of mineral deposits was enough to stop Moscow.';
const TEST_TIMEOUT = 120_000;

const app = serveBuiltApp();

/** Code point offset of the first occurrence of `text` in the seed `id`. */
function charOffset(id, text) {
  const s = SEEDS.find((x) => x.id === id)?.text ?? assert.fail(`no seed ${id}`);
  const at = s.indexOf(text);
  assert.ok(at >= 0, `"${text}" is in ${id}`);
  return [...s.slice(0, at)].length;
}

/** The app's excerpt of an annotation's text in messages: at most 40 characters, cut with "…". */
function excerpt(text) {
  const chars = [...text.trim()];
  return chars.length <= 40 ? chars.join('') : `${chars.slice(0, 39).join('').trimEnd()}…`;
}

/** Opens the app on the article and tags the person and the quote; returns their ids. */
async function personAndQuote(page) {
  await openApp(page, app.server.url);
  await openArticle(page, ARTICLE);
  const person = await tag(page, PERSON, { key: 'p' });
  const quote = await tag(page, QUOTE, { button: 'quote' });
  await waitForCount(page, ARTICLE, 'quote', 1);
  return { person, quote };
}

/** The saved annotation `id`, once the saved state has it with `check(record)` true. */
async function savedWhen(page, id, check) {
  const handle = await page.waitForFunction(
    ({ key, id, check }) => {
      const a = JSON.parse(localStorage.getItem(key) ?? 'null')?.annotations?.find((x) => x.id === id);
      return a && new Function('a', `return (${check})(a)`)(a) ? a : null;
    },
    { key: STATE_KEY, id, check: check.toString() },
  );
  return handle.jsonValue();
}

describe('Links, claim status and find-and-tag in Chromium', { timeout: TEST_TIMEOUT * 5 }, () => {
  test('a quote is linked to its speaker with "Pick in text" and a click, shows in who-said-what, and survives a reload', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      const { person, quote } = await personAndQuote(page);
      // The new quote is open in the detail panel, with no speaker yet.
      await waitForText(page, sel.source, 'No source yet.');
      await page.click(sel.pickSource);
      await page.waitForSelector(sel.linkingBanner);
      await page.waitForSelector(sel.linkingLayout('quote'));
      await screenshot(page, 'links-0-picking');
      assert.match(await page.textContent(sel.linkingBanner), /Pick the speaker: click an entity in the text — Esc cancels/);

      // A click on the quote itself cannot be its speaker: a hint, and still picking.
      await page.click(sel.piece(charOffset(ARTICLE, QUOTE)));
      await waitForText(page, sel.info, "Click an entity to be this quote's speaker");
      assert.ok(await page.isVisible(sel.linkingBanner), 'still picking after a click on no entity');
      // Escape stops picking and leaves the quote open; then pick again.
      await page.keyboard.press('Escape');
      await page.waitForSelector(sel.linkingBanner, { state: 'detached' });
      await waitForText(page, sel.source, 'No source yet.');
      await page.click(sel.pickSource);
      await page.waitForSelector(sel.linkingBanner);

      await page.click(sel.piece(charOffset(ARTICLE, PERSON)));
      await page.waitForSelector(sel.linkingBanner, { state: 'detached' });
      assert.equal(await page.$(sel.linkingLayout('quote')), null, 'the article is back to normal');
      await waitForText(page, sel.source, `said by ${PERSON}`);
      assert.equal(await page.isVisible(sel.info), false, 'the hint went with the link');
      const said = await waitForText(page, sel.whoSaid(person), PERSON);
      assert.ok(said.startsWith(`${PERSON} — said "From President Trump's perspective`), `who said what: ${said}`);
      await screenshot(page, 'links-1-said-by');

      // The speaker's own panel lists what links to it.
      await page.click(sel.sourceOpen);
      await waitForText(page, sel.linkedFrom, 'said "From President');
      // A registry entry made from the mention names the source in who-said-what.
      await waitForText(page, sel.registryEntry, 'Not in the registry');
      await page.click(sel.registryNew);
      await waitForText(page, sel.registryEntry, `${PERSON} · Person`);
      await page.waitForFunction((s) => document.querySelector(s)?.value.startsWith('e'), sel.registrySelect);
      await page.click(sel.registryUnlink);
      await waitForText(page, sel.registryEntry, 'Not in the registry');
      await page.selectOption(sel.registrySelect, { label: `${PERSON} (Person)` });
      await waitForText(page, sel.registryEntry, `${PERSON} · Person`);

      const saved = await savedWhen(page, quote, (a) => a.source !== undefined);
      assert.equal(saved.source, person, 'the link is saved');
      await page.reload();
      await waitForApp(page);
      await openArticle(page, ARTICLE);
      const again = await waitForText(page, sel.whoSaid(person), PERSON);
      assert.ok(again.includes('said "From President'), `who said what after a reload: ${again}`);
    });
  });

  test('a claim is linked with the keyboard; deleting its source names the links and undo brings them back', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      const { person, quote } = await personAndQuote(page);
      await page.selectOption(sel.sourceSelect, person);
      await waitForText(page, sel.source, `said by ${PERSON}`);

      const claim = await tag(page, CLAIM, { key: 'c' });
      await page.waitForSelector(sel.sourceSelect);
      // Keyboard only: focus the menu, take the first (nearest) choice with the arrow key.
      await page.focus(sel.sourceSelect);
      const first = await page.$eval(sel.sourceSelect, (s) => s.options[1]?.value);
      assert.ok(first === person || first === quote, `the menu offers the person and the quote (first: ${first})`);
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction(({ s, v }) => document.querySelector(s)?.value === v, { s: sel.sourceSelect, v: first });
      await waitForText(page, sel.source, first === person ? `from ${PERSON}` : 'from the quote');
      // Getting a source made the claim attributed.
      await page.waitForFunction((s) => document.querySelector(s)?.value === 'attributed', sel.attributionSelect);
      if (first !== person) {
        await page.selectOption(sel.sourceSelect, person);
        await waitForText(page, sel.source, `from ${PERSON}`);
      }
      const row = await waitForText(page, sel.whoSaid(person), 'source of claim');
      assert.match(row, /— source of claim “Bessent argued.* · said "From President/, "in text order");

      await page.click(sel.item(person));
      await waitForText(page, sel.registryEntry, 'Not in the registry');
      await page.click(sel.deleteButton);
      const notice = await waitForText(page, `${sel.info} span`, 'Deleted the entity');
      assert.equal(
        notice,
        `Deleted the entity "${PERSON}" and 2 links to it (claim "${excerpt(CLAIM)}", quote "${excerpt(QUOTE)}"). ` +
          'Undo brings them back.',
      );
      await page.waitForSelector(sel.whoSaid(person), { state: 'detached' });
      await page.click(sel.undo);
      const back = await waitForText(page, sel.whoSaid(person), 'source of claim');
      assert.ok(back.includes('said "From President'), `both links are back: ${back}`);
    });
  });

  test('a disputed claim shows its mark on the highlight and in the list, not only in colour', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      await openArticle(page, ARTICLE);
      const claim = await tag(page, CLAIM, { key: 'c' });
      const piece = sel.piece(charOffset(ARTICLE, CLAIM));
      assert.equal(await page.getAttribute(piece, 'data-check'), null);
      await page.selectOption(sel.checkSelect, 'disputed');
      await page.waitForSelector(`${piece}[data-check=disputed]`);
      await page.selectOption(sel.attributionSelect, 'unattributed');
      await page.waitForSelector(`${piece}[data-attribution=unattributed]`);
      const cue = await page.$eval(piece, (el) => ({
        mark: el.getAttribute('data-mark'),
        title: el.getAttribute('title'),
        before: getComputedStyle(el, '::before').content,
        text: el.textContent,
      }));
      assert.equal(cue.mark, 'C?u');
      assert.equal(cue.title, 'Claim: Disputed · Unattributed');
      assert.ok(cue.before.includes('C?u'), `the mark is drawn: ::before content is ${cue.before}`);
      assert.ok(CLAIM.startsWith(cue.text), 'the DOM text is still only the article text');
      assert.equal(await page.textContent(sel.itemStatus(claim)), '?u');
      await screenshot(page, 'links-2-disputed');
    });
  });

  test('find "Bessent" in all articles with whole word and tag all as Person: counts go up, one undo removes them', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      const before = { ft: await countsOf(page, ARTICLE), ex: await countsOf(page, 'explainer') };
      assert.deepEqual([before.ft.entity, before.ex.entity], [0, 0]);
      await page.keyboard.press('Control+f');
      await page.waitForSelector(sel.findPanel);
      await page.waitForFunction((s) => document.activeElement === document.querySelector(s), sel.findQuery);
      await page.keyboard.type('Bessent');
      // The first article is open, and it does not name him.
      await waitForText(page, sel.findCount, '0 hits in 0 articles');
      await page.check(sel.findScopeAll);
      await waitForText(page, sel.findCount, '7 hits in 2 articles');
      await page.check(sel.findWord);
      await waitForText(page, sel.findCount, '7 hits in 2 articles');
      // "Bess" alone is a hit only without whole word.
      assert.ok(!(await page.$$eval(sel.findHits, (l) => l.some((li) => li.textContent.includes('Bess brought')))));
      assert.equal(await page.$$eval(sel.findHits, (l) => l.length), 7);
      assert.equal(await page.inputValue(sel.findLabel), '2', 'Person is the label offered first');
      await waitForText(page, sel.findTagAll, 'Tag all 7');
      await page.click(sel.findTagAll);
      await waitForCount(page, ARTICLE, 'entity', 6);
      await waitForCount(page, 'explainer', 'entity', 1);
      await waitForText(page, sel.info, 'Tagged 7 as Person in 2 articles');
      await waitForText(page, sel.findTagAll, 'Tag all 0');
      assert.ok(
        (await page.$$eval(sel.findHits, (l) => l.map((li) => li.textContent))).every((t) => t.includes('tagged: Person')),
        'every hit now says it is tagged',
      );
      await screenshot(page, 'links-3-find');
      await page.click(sel.undo);
      await waitForCount(page, ARTICLE, 'entity', 0);
      await waitForCount(page, 'explainer', 'entity', 0);

      // A hit opens its article.
      await page.click(`${sel.findHits}[data-hit-article=explainer] button.hit`);
      await page.waitForSelector(sel.openArticle('explainer'));
    });
  });
});
