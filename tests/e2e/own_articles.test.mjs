// End-to-end tests of the person's own articles in the release build: pasted with non-ASCII text or
// loaded from an .html file, tagged with the real mouse, renamed, kept over a reload, deleted and
// brought back by undo; and refused with a message when the browser's storage is full.
//
// Run: bash scripts/test.sh build node   (or, with dist/ built: node --test tests/e2e/own_articles.test.mjs)
import { serveBuiltApp } from '../support/suite.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { downloadFrom, screenshot, withPage } from '../support/browser.mjs';
import {
  STATE_KEY,
  countsOf,
  highlightText,
  listedIds,
  openApp,
  openArticle,
  savedState,
  sel,
  fillStorage,
  storageEntries,
  tag,
  waitForApp,
  waitForCount,
  waitForState,
} from '../support/app.mjs';

const TEST_TIMEOUT = 120_000;

// Cyrillic, an emoji with a skin tone, a flag, combining accents and CJK: code points, UTF-16 units and
// UTF-8 bytes all differ.
const FIRST_LINE = 'Київ 👋🏽: Віталій Кличко meets 李明 in Zürich';
const OWN_TEXT = [
  FIRST_LINE,
  '',
  'The cafe\u0301 owner 🇺🇦 Mykola Tkachenko said “naïve” plans fail. 北京欢迎你。',
  'Second line: Віталій Кличко again.',
  '',
].join('\n');

const REPORT_HTML = `<!doctype html>
<html><head><title>Local council report</title>
<script>var leaked = "SCRIPT-TEXT-MUST-NOT-SHOW";</script>
<style>p { color: red } /* STYLE-TEXT */</style></head>
<body><h1>Council votes</h1>
<p>The council voted 7&ndash;2 on Tuesday to close the bridge.</p>
<script>document.write("INLINE-SCRIPT")</script>
<p>Mayor Ana Lopes said &ldquo;we had no choice&rdquo;.</p></body></html>`;

const app = serveBuiltApp();

/** Ids of the person's own articles in the list, in order. */
async function ownIds(page) {
  return page.$$eval(sel.ownArticles, (els) => els.map((e) => e.getAttribute('data-article')));
}

/** Open the "Add article" dialog. */
async function openDialog(page) {
  await page.click(sel.addArticleOpen);
  await page.waitForSelector(sel.addArticle);
}

/** Press Add and wait for the new own article to be listed and open; returns its id. */
async function add(page) {
  const before = await ownIds(page);
  await page.click(sel.addArticleAdd);
  await page.waitForSelector(sel.addArticle, { state: 'detached' });
  const handle = await page.waitForFunction(
    ({ selector, before }) => {
      const fresh = [...document.querySelectorAll(selector)].map((e) => e.getAttribute('data-article')).filter((id) => !before.includes(id));
      return fresh.length === 1 ? fresh[0] : null;
    },
    { selector: sel.ownArticles, before },
  );
  const id = await handle.jsonValue();
  await page.waitForSelector(`${sel.openArticle(id)} p.para`);
  await page.waitForSelector(`${sel.annotationList} [data-listed="${id}"]`);
  return id;
}

/** The size of `units` as the app writes it (KB rounded up, MB to the nearest tenth). */
function size(units) {
  const MB = 1024 * 1024;
  if (units < MB) return `${Math.max(1, Math.ceil(units / 1024))} KB`;
  const tenths = Math.floor((units * 10 + MB / 2) / MB);
  return `${Math.floor(tenths / 10)}.${tenths % 10} MB`;
}

describe('own articles in Chromium', { timeout: TEST_TIMEOUT * 4 }, () => {
  test('a pasted non-ASCII article is tagged in code points, renamed, kept over a reload, deleted and undone', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      await openDialog(page);
      assert.equal(await page.isDisabled(sel.addArticleAdd), true, 'nothing to add yet');
      await page.fill(sel.addArticleText, OWN_TEXT);
      assert.equal(await page.inputValue(sel.addArticleTitle), FIRST_LINE, 'the title is suggested from the first line');
      const chars = Array.from(OWN_TEXT);
      assert.equal(await page.textContent(sel.addArticleLength), `${chars.length} characters, 4 lines`);
      assert.ok((await page.textContent(sel.addArticlePreview)).startsWith(FIRST_LINE), 'the preview starts with the text');
      await screenshot(page, 'own-1-dialog');
      const id = await add(page);
      assert.ok(await page.isVisible(sel.yours(id)), 'marked as yours');
      assert.equal(await page.textContent(`${sel.articleButton(id)} .title`), FIRST_LINE);
      assert.equal(await page.textContent(sel.articleText), OWN_TEXT.replace(/\n/g, ''), 'the text is shown exactly');

      const people = ['Віталій Кличко', 'Mykola Tkachenko', '北京欢迎你'];
      const ids = [];
      for (const word of people) ids.push(await tag(page, word, { key: 'p' }));
      await waitForCount(page, id, 'entity', 3);
      await waitForState(page, (state, id) => state.annotations.filter((a) => a.article === id).length === 3, id);
      const saved = await savedState(page);
      const article = saved.articles.find((a) => a.id === id);
      assert.equal(article?.text, OWN_TEXT, 'the text is saved exactly');
      for (const [i, word] of people.entries()) {
        const a = saved.annotations.find((x) => x.id === ids[i]);
        assert.equal(chars.slice(a.start, a.end).join(''), word, `${word}: offsets are code points`);
        assert.equal(a.exact, word);
      }
      const tk = saved.annotations.find((x) => x.id === ids[1]);
      assert.notEqual(tk.start, OWN_TEXT.indexOf('Mykola'), 'UTF-16 offsets would differ here (emoji before it)');

      // Rename inline: Enter commits.
      await page.click(sel.renameArticle(id));
      await page.fill(sel.renameField, 'Мій текст 🌍');
      await page.keyboard.press('Enter');
      await page.waitForFunction(({ s, t }) => document.querySelector(s)?.textContent === t, { s: `${sel.articleButton(id)} .title`, t: 'Мій текст 🌍' });
      // Escape keeps the title.
      await page.click(sel.renameArticle(id));
      await page.fill(sel.renameField, 'not this');
      await page.keyboard.press('Escape');
      await page.waitForSelector(sel.renameField, { state: 'detached' });
      assert.equal(await page.textContent(`${sel.articleButton(id)} .title`), 'Мій текст 🌍');
      await waitForState(page, (state, id) => state.articles.some((a) => a.id === id && a.title === 'Мій текст 🌍'), id);

      await page.reload();
      await waitForApp(page);
      assert.deepEqual(await ownIds(page), [id], 'the article is still there after a reload');
      assert.equal(await page.textContent(`${sel.articleButton(id)} .title`), 'Мій текст 🌍');
      await openArticle(page, id);
      assert.deepEqual((await listedIds(page)).sort(), [...ids].sort());
      for (const [i, word] of people.entries()) assert.equal(await highlightText(page, ids[i]), word);

      // Delete, with a notice; undo brings the article and its annotations back.
      await page.click(sel.deleteArticle(id));
      await page.waitForSelector(sel.articleButton(id), { state: 'detached' });
      assert.equal(
        (await page.textContent(`${sel.info} span`)).trim(),
        'Deleted “Мій текст 🌍” and its 3 annotations. Undo brings it back.',
      );
      await page.waitForSelector(`${sel.articleText} p.para`);
      await waitForState(page, (state) => state.articles.length === 0 && state.annotations.length === 0);
      await page.click(sel.undo);
      await page.waitForSelector(sel.articleButton(id));
      assert.deepEqual(await countsOf(page, id), { claim: 0, quote: 0, entity: 3 });
      await openArticle(page, id);
      for (const [i, word] of people.entries()) assert.equal(await highlightText(page, ids[i]), word);
      await waitForState(page, (state, id) => state.articles.some((a) => a.id === id) && state.annotations.length === 3, id);
    });
  });

  test('an .html file loads as its visible text with its title; bad files and empty text are refused in the dialog', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      await openDialog(page);
      const refuse = async (file, pattern) => {
        await page.setInputFiles(sel.addArticleFile, file);
        await page.waitForSelector(sel.addArticleError);
        assert.match(await page.textContent(sel.addArticleError), pattern);
        assert.equal(await page.isDisabled(sel.addArticleAdd), true);
      };
      await refuse({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') }, /scan\.pdf: \.pdf files cannot be loaded/);
      await refuse({ name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x43, 0x61, 0x66, 0xe9]) }, /latin1\.txt is not UTF-8 text/);
      await page.fill(sel.addArticleText, '  \n ');
      assert.match(await page.textContent(sel.addArticleError), /has no text/);

      await page.setInputFiles(sel.addArticleFile, { name: 'report.html', mimeType: 'text/html', buffer: Buffer.from(REPORT_HTML) });
      await page.waitForSelector(sel.addArticlePreview);
      assert.equal(await page.locator(sel.addArticleError).count(), 0, 'no error once a good file is loaded');
      assert.equal(await page.inputValue(sel.addArticleText), '', 'the loaded file replaces the pasted text');
      assert.equal(await page.inputValue(sel.addArticleTitle), 'Local council report');
      const preview = await page.textContent(sel.addArticlePreview);
      assert.ok(preview.includes('The council voted 7–2 on Tuesday to close the bridge.'), preview);
      const id = await add(page);
      const text = await page.textContent(sel.articleText);
      assert.ok(text.includes('Mayor Ana Lopes said “we had no choice”.'), text);
      for (const hidden of ['SCRIPT-TEXT', 'INLINE-SCRIPT', 'STYLE-TEXT', 'color: red']) {
        assert.ok(!text.includes(hidden), `"${hidden}" is not in the article text`);
      }
      await tag(page, 'Ana Lopes', { key: 'p' });
      await waitForState(page, (state, id) => state.articles.some((a) => a.id === id && a.title === 'Local council report'), id);
    });
  });

  test('with localStorage full, a large article is refused with the sizes and nothing changes; a failed save offers the download', { timeout: TEST_TIMEOUT }, async (t) => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      // Fill the origin's storage in ever smaller pieces until not even one more character fits.
      const quota = await fillStorage(page);
      t.diagnostic(`Chromium's localStorage quota, filled: ${quota} UTF-16 code units (keys + values) = ${(quota / 1048576).toFixed(3)} Mi`);
      assert.ok(quota > 1_000_000, `the quota is at least a million units (${quota})`);
      const before = await storageEntries(page);
      const articlesBefore = await page.$$eval(`${sel.articleList} button[data-article]`, (els) => els.map((e) => e.getAttribute('data-article')));

      await openDialog(page);
      const big = `Big report\n${'All work and no play makes a dull article. '.repeat(5000)}`;
      await page.fill(sel.addArticleText, big);
      await page.click(sel.addArticleAdd);
      await page.waitForSelector(sel.addArticleError);
      assert.equal(
        await page.textContent(sel.addArticleError),
        `This browser's storage is full: the article (${size(big.length)}) does not fit beside your work (${size(quota)} saved). ` +
          'Nothing was added. Delete an article you added, or download your work first.',
      );
      await screenshot(page, 'own-3-storage-full');
      assert.ok(await page.isVisible(sel.addArticle), 'the dialog stays open');
      await page.click(sel.addArticleCancel);
      await page.waitForSelector(sel.addArticle, { state: 'detached' });
      assert.deepEqual(
        await page.$$eval(`${sel.articleList} button[data-article]`, (els) => els.map((e) => e.getAttribute('data-article'))),
        articlesBefore,
        'no article was added',
      );
      assert.deepEqual(Object.keys(await storageEntries(page)).sort(), Object.keys(before).sort(), 'storage is unchanged');
      assert.equal((await storageEntries(page))[STATE_KEY], before[STATE_KEY]);

      // Any later save that fails offers the work as a download.
      const id = await tag(page, 'Scott Besant', { key: 'p' });
      await page.waitForSelector(sel.saveFailed);
      const file = await downloadFrom(page, sel.saveFailedDownload);
      const data = JSON.parse(file.text);
      assert.equal(data.format, 'news-annotator');
      assert.deepEqual(data.annotations.map((a) => [a.id, a.exact]), [[id, 'Scott Besant']]);
    });
  });
});
