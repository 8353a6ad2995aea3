// End-to-end tests of keyboard-only annotation in the release build: no mouse and no clicks. Tab to
// the article, move the caret by word, paragraph and line, select two words with Shift+Ctrl+→ and tag
// them; select across an emoji, a flag and a combining accent in a pasted article a character at a
// time; go to an annotation with ], open it with Enter, relabel it and write its note, Esc back,
// delete it and bring it back with Ctrl+Z.
//
// Run: bash scripts/test.sh build node   (or, with dist/ built: node --test tests/e2e/keyboard.test.mjs)
import { serveBuiltApp } from '../support/suite.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, withPage } from '../support/browser.mjs';
import { loadSeeds, sliceChars } from '../support/paths.mjs';
import { openApp, savedState, sel, waitForState } from '../support/app.mjs';

const TEST_TIMEOUT = 120_000;
const SEED = loadSeeds().find((s) => s.id === 'kyiv-post') ?? assert.fail('no kyiv-post seed');

// An emoji with a skin tone (2 code points), a flag (2), a letter with a combining accent (2),
// Cyrillic and CJK: code points, UTF-16 units and grapheme clusters all differ.
const OWN_TEXT = 'Hi 👋🏽 🇺🇦 cafe\u0301 ok\nКиїв 北京';

const caretSel = '[data-testid=caret]';
const noteSel = '[data-testid=detail] textarea[data-testid=note]';

const app = serveBuiltApp();

/** Presses Tab until the focused element matches `selector` (at most 100 times). */
async function tabTo(page, selector) {
  for (let i = 0; i < 100; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

/** Presses `key` `times` times. */
async function press(page, key, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** The browser's selection, as text. */
const selected = (page) => page.evaluate(() => String(window.getSelection()));

/** Whether the focused element matches `selector`. */
const focused = (page, selector) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

/** The code point offset of the first `text` in `chars`' text. */
function charOffset(text, needle) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is in the text`);
  return [...text.slice(0, at)].length;
}

/** Waits until the saved state holds exactly one annotation of `article`, and returns it. */
async function onlyAnnotation(page, article) {
  await waitForState(page, (state, id) => state.annotations.filter((a) => a.article === id).length === 1, article);
  return (await savedState(page)).annotations.find((a) => a.article === article);
}

describe('keyboard-only annotation in Chromium', { timeout: TEST_TIMEOUT * 3 }, () => {
  test('Tab to the text, select two words by word steps, tag, then open, edit, delete and undo by keys', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      await tabTo(page, sel.articleText);
      assert.equal(await page.getAttribute(sel.articleText, 'role'), 'document');
      assert.ok(await page.getAttribute(sel.articleText, 'aria-label'), 'the article has a name');
      await page.waitForFunction((s) => getComputedStyle(document.querySelector(s)).visibility === 'visible', caretSel);
      // The caret is drawn beside the text: the article's DOM text is still exactly its text.
      assert.equal(await page.textContent(sel.articleText), SEED.text.replace(/\r\n|\r|\n/g, ''));

      // ↓ and ↑ go by paragraph, End and Home by line; back at the start, Ctrl+→ three times and
      // Ctrl+← once put the caret at the start of the third word.
      await press(page, 'ArrowDown');
      await press(page, 'ArrowUp');
      await press(page, 'End');
      await press(page, 'Home');
      await press(page, 'Control+ArrowRight', 3);
      await press(page, 'Control+ArrowLeft');
      await press(page, 'Shift+Control+ArrowRight', 2);
      const words = 'Volodymyr Zelensky';
      assert.equal(await selected(page), words, 'two words selected by Shift+Ctrl+→');
      await page.waitForSelector(sel.toolbar, { state: 'visible' });
      await page.keyboard.press('c');

      const claim = await onlyAnnotation(page, SEED.id);
      assert.equal(claim.label, 'claim');
      assert.equal(claim.start, charOffset(SEED.text, words), 'start in code points');
      assert.equal(claim.end, claim.start + [...words].length, 'end in code points');
      assert.equal(sliceChars(SEED.chars, claim.start, claim.end), words);
      // The caret sits after the new claim: Shift+Home selects from the line's start up to its end.
      await press(page, 'Shift+Home');
      assert.equal(await selected(page), `Ukrainian President ${words}`);
      await press(page, 'Escape');
      assert.equal(await selected(page), '', 'Escape drops the selection');
      await page.waitForSelector(sel.detail, { state: 'detached' });

      // ] selects the next annotation from the top and opens it; Enter focuses its label menu.
      await press(page, 'Control+Home');
      await press(page, ']');
      await page.waitForSelector(sel.detail);
      assert.equal(await page.textContent(`${sel.detail} blockquote.exact`), words);
      await screenshot(page, 'keyboard-1-next-annotation');
      await press(page, 'Enter');
      assert.ok(await focused(page, sel.labelSelect), 'Enter focuses the label menu');
      await press(page, 'ArrowDown');
      await waitForState(page, (state) => state.annotations.some((a) => a.label === 'quote'));
      await tabTo(page, noteSel);
      await page.keyboard.type('Checked by keyboard');
      await waitForState(page, (state) => state.annotations.some((a) => a.note === 'Checked by keyboard'));
      // Escape goes back to the article with the annotation still open; Delete deletes it.
      await press(page, 'Escape');
      assert.ok(await focused(page, sel.articleText), 'Escape returns the focus to the article');
      assert.ok(await page.isVisible(sel.detail), 'the annotation stays selected');
      await press(page, 'Delete');
      await waitForState(page, (state) => state.annotations.length === 0);
      await page.waitForSelector(sel.detail, { state: 'detached' });
      await press(page, 'Control+z');
      const back = await onlyAnnotation(page, SEED.id);
      assert.deepEqual(
        [back.id, back.label, back.note, back.start, back.end],
        [claim.id, 'quote', 'Checked by keyboard', claim.start, claim.end],
        'undo brings the edited annotation back',
      );
      assert.equal(await page.$$eval(`${sel.articleText} span.seg.hl`, (s) => s.length), 1);
    });
  });

  test('character steps take whole emoji, flags and accented letters in a pasted article', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      await tabTo(page, sel.addArticleOpen);
      await press(page, 'Enter');
      await page.waitForSelector(sel.addArticle);
      await tabTo(page, sel.addArticleText);
      await page.keyboard.insertText(OWN_TEXT);
      await tabTo(page, sel.addArticleAdd);
      await press(page, 'Enter');
      await page.waitForSelector(sel.addArticle, { state: 'detached' });
      const id = await page.getAttribute(sel.articleText, 'data-article');
      await page.waitForSelector(`${sel.openArticle(id)} p.para`);
      assert.equal(await page.textContent(sel.articleText), OWN_TEXT.replace('\n', ''));

      await tabTo(page, sel.articleText);
      await press(page, 'ArrowRight', 3);
      await press(page, 'Shift+ArrowRight');
      assert.equal(await selected(page), '👋🏽', 'one step takes the emoji with its skin tone');
      await press(page, 'Shift+ArrowRight', 7);
      const picked = '👋🏽 🇺🇦 cafe\u0301';
      assert.equal(await selected(page), picked, 'eight steps: emoji, space, flag, space and c-a-f-é');
      await page.keyboard.press('e');
      const chars = [...OWN_TEXT];
      const entity = await onlyAnnotation(page, id);
      assert.deepEqual([entity.label, entity.start, entity.end], ['entity', 3, 14], 'offsets in code points');
      assert.equal(chars.slice(entity.start, entity.end).join(''), picked);
      // Back one step from after the entity takes the accent with its letter.
      await press(page, 'Shift+ArrowLeft');
      assert.equal(await selected(page), 'e\u0301');
      await press(page, 'Escape');
      // Ctrl+← takes one Chinese character at a time; ↑ goes to the start of the line above.
      await press(page, 'Control+End');
      await press(page, 'Shift+Control+ArrowLeft');
      assert.equal(await selected(page), '京');
      await press(page, 'ArrowLeft');
      await press(page, 'Shift+ArrowUp');
      assert.equal(await selected(page), 'Київ 北');
      await screenshot(page, 'keyboard-2-own-article');
    });
  });
});
