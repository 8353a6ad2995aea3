// End-to-end tests of the export dialog and of importing other tools' files, in headless Chromium
// on the release build (dist/), driven with the real mouse and keyboard like annotator.test.mjs.
//
// Run: bash scripts/test.sh build node   (or, with dist/ built: node --test tests/e2e/)
import { serveBuiltApp } from '../support/suite.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { downloadFrom, withPage } from '../support/browser.mjs';
import { loadSeeds, sliceChars } from '../support/paths.mjs';
import { countsOf, fillStorage, openApp, sel, storageEntries, tag, waitForCount } from '../support/app.mjs';

const SEEDS = loadSeeds();
const seed = (id) => SEEDS.find((s) => s.id === id) ?? assert.fail(`no seed ${id}`);
const KYIV_CLAIM =
  'Trump said last week that he wanted Ukraine to supply the United States with rare earth minerals as a form of payment for American financial support.';
const TEST_TIMEOUT = 120_000;

const app = serveBuiltApp();

/** Code point offsets of the first occurrence of `text` in seed `id`. */
function charSpan(id, text) {
  const s = seed(id).text;
  const at = s.indexOf(text);
  assert.ok(at >= 0, `"${text}" is in ${id}`);
  const start = [...s.slice(0, at)].length;
  return [start, start + [...text].length];
}

/** Pick `format` in the open export dialog and wait for its preview. */
async function chooseFormat(page, format, previewPattern) {
  await page.selectOption(sel.exportFormat, format);
  await page.waitForFunction(
    ({ selector, source }) => new RegExp(source).test(document.querySelector(selector)?.textContent ?? ''),
    { selector: sel.exportPreview, source: previewPattern.source },
  );
}

/** Opens the app, previews the corpus zip, and fills the browser's storage (the preview stays). */
async function previewCorpusInFullStorage(page) {
  const zip = readFileSync(new URL('../fixtures/corpus/brat-news-tutorial.zip', import.meta.url));
  await openApp(page, app.server.url);
  await page.setInputFiles(sel.importFile, { name: 'brat-news-tutorial.zip', mimeType: 'application/zip', buffer: zip });
  await page.waitForSelector(sel.importPreview, { state: 'visible' });
  await fillStorage(page);
}

describe('Export dialog and foreign imports in Chromium', { timeout: TEST_TIMEOUT * 4 }, () => {
  test('the export dialog previews each format, says what it cannot hold and what it dropped, and downloads', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      await tag(page, KYIV_CLAIM, { key: 'c' });
      await tag(page, 'Trump', { key: 'p' }, { after: 'Trump said last week' });
      await tag(page, 'Volodymyr Zelensky', { key: 'p' });
      await page.click(sel.exportOpen);
      await page.waitForSelector(sel.exportDialog, { state: 'visible' });

      await chooseFormat(page, 'doccano', /"start_offset"/);
      assert.match(await page.textContent(sel.exportAbout), /3 annotation\(s\) in 5 article\(s\)\. Offsets: Unicode code points.*cannot hold notes/);
      const doccano = await downloadFrom(page, sel.exportDownload);
      assert.match(doccano.name, /^news-annotations-\d{4}-\d{2}-\d{2}\.doccano\.jsonl$/);
      const lines = doccano.text.trim().split('\n').map((l) => JSON.parse(l));
      const kyiv = lines.find((l) => l.text === seed('kyiv-post').text) ?? assert.fail('a line holds the kyiv-post text');
      const spans = kyiv.entities.map((e) => [e.label, sliceChars(seed('kyiv-post').chars, e.start_offset, e.end_offset)]);
      assert.deepEqual(spans.sort(), [['CLAIM', KYIV_CLAIM], ['PERSON', 'Trump'], ['PERSON', 'Volodymyr Zelensky']].sort());
      await page.waitForSelector(sel.exportDialog, { state: 'detached' });

      // CoNLL keeps one layer: the claim wins over the person nested in it, and the dialog says so.
      await page.click(sel.exportOpen);
      await chooseFormat(page, 'conll', /-DOCSTART-/);
      const dropped = await page.textContent(sel.exportDropped);
      assert.match(dropped, /\(1\)/, dropped);
      assert.match(dropped, /Trump/, dropped);
      const conll = await downloadFrom(page, sel.exportDownload);
      assert.match(conll.text, /^Trump B-CLAIM$/m);
      assert.match(conll.text, /^Volodymyr B-PERSON\nZelensky I-PERSON$/m);

      // This article, entities only, as a brat zip.
      await page.click(sel.exportOpen);
      await page.check(sel.exportThis);
      await page.uncheck(sel.exportLabel('claim'));
      await chooseFormat(page, 'brat', /^T1\t/m);
      assert.match(await page.textContent(sel.exportAbout), /^2 annotation\(s\) in 1 article\(s\)/);
      const brat = await downloadFrom(page, sel.exportDownload);
      assert.match(brat.name, /\.brat\.zip$/);
      const zip = readFileSync(brat.path);
      assert.equal(zip.subarray(0, 4).toString('latin1'), 'PK\x03\x04', 'the download is a zip');
      assert.ok(zip.includes(Buffer.from('kyiv-post.ann')), 'the zip holds kyiv-post.ann');
      assert.ok(!zip.includes(Buffer.from('munich-dispatch.ann')), 'and only the open article');
    });
  });

  test('a doccano file from another tool is detected, previewed and merged', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      const [cs, ce] = charSpan('kyiv-post', KYIV_CLAIM);
      const [ps, pe] = charSpan('kyiv-post', 'Volodymyr Zelensky');
      const line = JSON.stringify({ text: seed('kyiv-post').text, label: [[cs, ce, 'CLAIM'], [ps, pe, 'PER']] });
      await page.setInputFiles(sel.importFile, { name: 'class.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${line}\n`) });
      await page.waitForSelector(sel.importPreview, { state: 'visible' });
      assert.match(await page.textContent(sel.importTitle), /class\.jsonl \(doccano JSONL\)/);
      assert.match(await page.textContent(sel.importPreview), /2 annotation\(s\): 2 new/);
      await page.click(sel.importMerge);
      await waitForCount(page, 'kyiv-post', 'claim', 1);
      assert.deepEqual(await countsOf(page, 'kyiv-post'), { claim: 1, quote: 0, entity: 1 });
    });
  });

  test('a brat corpus zipped with zip -r brings its texts as articles; a label mapped in the preview is kept for the next import', { timeout: TEST_TIMEOUT }, async () => {
    const zip = readFileSync(new URL('../fixtures/corpus/brat-news-tutorial.zip', import.meta.url));
    const load = async (page) => {
      await page.setInputFiles(sel.importFile, { name: 'brat-news-tutorial.zip', mimeType: 'application/zip', buffer: zip });
      await page.waitForSelector(sel.importPreview, { state: 'visible' });
    };
    const picked = (page, label) => page.inputValue(`[data-testid=import-labels] select[data-label="${label}"]`);
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      const before = await page.locator(`${sel.articleList} li`).count();
      await load(page);
      assert.match(await page.textContent(sel.importPreview), /95 new/);
      assert.match(await page.textContent('[data-testid=import-labels]'), /Person \(27 spans\)/);
      assert.equal(await picked(page, 'Person'), 'person');
      assert.equal(await picked(page, 'GPE'), 'place');
      assert.equal(await picked(page, 'Money'), 'skip');
      assert.match(await page.textContent('[data-testid=import-articles]'), /\(13\)/);
      // Money becomes an entity of another kind: the file is read again, with one span more.
      await page.selectOption('[data-testid=import-labels] select[data-label="Money"]', 'other');
      await page.waitForFunction(() => /96 new/.test(document.querySelector('[data-testid=import-preview]')?.textContent ?? ''));
      assert.equal(await page.isEnabled(sel.importMerge), true);
      await page.click(sel.importMerge);
      await page.waitForFunction(
        ({ list, count }) => document.querySelectorAll(`${list} li`).length === count,
        { list: sel.articleList, count: before + 13 },
      );
      // After a reload the same corpus adds nothing, and Money is still mapped.
      await openApp(page, app.server.url);
      await load(page);
      assert.match(await page.textContent(sel.importPreview), /0 new, 96 already here/);
      assert.equal(await picked(page, 'Money'), 'other');
      assert.equal(await page.locator('[data-testid=import-articles]').count(), 0);
    });
  });

  test('the same corpus as doccano JSONL and as Label Studio tasks previews the same 13 texts and 95 spans', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      for (const name of ['news-tutorial.doccano.jsonl', 'news-tutorial.label-studio.json']) {
        await page.setInputFiles(sel.importFile, fileURLToPath(new URL(`../fixtures/corpus/${name}`, import.meta.url)));
        await page.waitForSelector(sel.importPreview, { state: 'visible' });
        assert.match(await page.textContent(sel.importPreview), /95 annotation\(s\): 95 new/, name);
        assert.match(await page.textContent('[data-testid=import-articles]'), /\(13\)/, name);
        assert.equal(await page.inputValue('[data-testid=import-labels] select[data-label="Organization"]'), 'organization', name);
        await page.click(sel.importCancel);
        await page.waitForSelector(sel.importPreview, { state: 'detached' });
      }
    });
  });

  test('Label Studio tasks whose text could be either of two fields offer a Text field picker that reads the file again', { timeout: TEST_TIMEOUT }, async () => {
    // Both fields hold "Ada" at 0..3, and no result's to_name names either: the reader cannot tell.
    const task = (headline, body) => ({
      data: { headline, body },
      annotations: [{ result: [{ id: 'a', type: 'labels', value: { start: 0, end: 3, text: 'Ada', labels: ['PER'] } }] }],
    });
    const tasks = [task('Ada met Bob.', 'Ada met Bob in Kyiv on Monday.'), task('Ada left.', 'Ada left Kyiv by train.')];
    const articles = '[data-testid=import-articles]';
    const picker = '[data-testid=import-text-field]';
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      const before = await page.locator(`${sel.articleList} li`).count();
      await page.setInputFiles(sel.importFile, { name: 'tasks.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tasks)) });
      await page.waitForSelector(sel.importPreview, { state: 'visible' });
      assert.deepEqual(await page.locator(`${picker} option`).allTextContents(), ['headline', 'body']);
      assert.equal(await page.inputValue(picker), 'headline');
      assert.match(await page.textContent(articles), /12 characters/);
      assert.match(await page.textContent(articles), /9 characters/);
      assert.match(await page.textContent('[data-testid=import-warnings]'), /read from "headline"/);
      // The body is the text: the file is read again, and the preview shows the longer texts.
      await page.selectOption(picker, 'body');
      await page.waitForFunction((list) => /30 characters/.test(document.querySelector(list)?.textContent ?? ''), articles);
      assert.match(await page.textContent(articles), /23 characters/);
      assert.doesNotMatch(await page.textContent(articles), /12 characters/);
      assert.equal(await page.inputValue(picker), 'body');
      assert.equal(await page.locator('[data-testid=import-warnings]').count(), 0);
      assert.match(await page.textContent(sel.importPreview), /2 annotation\(s\): 2 new/);
      await page.click(sel.importMerge);
      await page.waitForFunction(
        ({ list, count }) => document.querySelectorAll(`${list} li`).length === count,
        { list: sel.articleList, count: before + 2 },
      );
    });
  });

  test('brat .txt and .ann files picked together import as one, and so does their folder dropped on the page', { timeout: TEST_TIMEOUT }, async () => {
    const folder = new URL('../fixtures/corpus/brat/news-tutorial/', import.meta.url);
    const pick = ['000-introduction', '040-text_span_annotation'].flatMap((stem) => [`${stem}.txt`, `${stem}.ann`]);
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      await page.setInputFiles(sel.importFile, pick.map((name) => fileURLToPath(new URL(name, folder))));
      await page.waitForSelector(sel.importPreview, { state: 'visible' });
      assert.match(await page.textContent(sel.importTitle), /4 brat files \(brat standoff/);
      assert.match(await page.textContent('[data-testid=import-articles]'), /\(2\)/);
      await page.click(sel.importCancel);

      // The whole folder, dropped as the browser's drag and drop gives it (CDP's drag with a path).
      const cdp = await page.context().newCDPSession(page);
      const data = { items: [], files: [fileURLToPath(folder).replace(/\/$/, '')], dragOperationsMask: 1 };
      for (const type of ['dragEnter', 'dragOver', 'drop']) {
        await cdp.send('Input.dispatchDragEvent', { type, x: 400, y: 300, data });
      }
      await page.waitForSelector(sel.importPreview, { state: 'visible' });
      assert.match(await page.textContent(sel.importTitle), /news-tutorial\/ \(brat standoff/);
      assert.match(await page.textContent(sel.importPreview), /95 new/);
      assert.match(await page.textContent('[data-testid=import-articles]'), /\(13\)/);
    });
  });

  test('a corpus that does not fit in storage is refused with the sizes at Merge, and nothing changes', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await previewCorpusInFullStorage(page);
      const before = await storageEntries(page);
      const articles = await page.locator(`${sel.articleList} li`).count();
      await page.click(sel.importMerge);
      const refused = await page.waitForSelector(sel.importRefused, { state: 'visible' });
      assert.match(await refused.textContent(), /storage is full: your work with this import would take .* Nothing was imported/);
      assert.match(await refused.textContent(), /Load a smaller part of the file/, 'no part fits in a full storage');
      assert.equal(await page.locator(sel.importSubset).count(), 0);
      assert.ok(await page.isVisible(sel.importPreview), 'the preview stays, to choose again');
      assert.equal(await page.locator(`${sel.articleList} li`).count(), articles, 'no article was added');
      assert.deepEqual(await storageEntries(page), before, 'storage is unchanged');
    });
  });

  test('a corpus that does not fit offers its first texts that do, and they import', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await previewCorpusInFullStorage(page);
      // Room for a few of the 13 texts (2 to 5 KB each with their spans): the smallest fillers go.
      await page.evaluate(() => {
        const fillers = Object.keys(localStorage).filter((k) => k.startsWith('filler/'));
        fillers.sort((a, b) => localStorage.getItem(a).length - localStorage.getItem(b).length);
        let freed = 0;
        for (const key of fillers) {
          if (freed >= 12_000) break;
          freed += key.length + localStorage.getItem(key).length;
          localStorage.removeItem(key);
        }
      });
      const articles = await page.locator(`${sel.articleList} li`).count();
      await page.click(sel.importMerge);
      const offer = await page.waitForSelector(sel.importSubset, { state: 'visible' });
      const [, kept] = (await offer.textContent()).match(/Keep only the first (\d+) of the 13 texts/).map(Number);
      assert.ok(kept >= 1 && kept < 13, `a part is offered: ${kept}`);
      await offer.click();
      await page.waitForSelector(sel.importRefused, { state: 'detached' });
      assert.match(await page.textContent('[data-testid=import-articles]'), new RegExp(`\\(${kept}\\)`));
      assert.match(await page.textContent(sel.importPreview), new RegExp(`only the first ${kept} of the 13 texts it brings are imported`));
      await page.click(sel.importMerge);
      await page.waitForSelector(sel.importPreview, { state: 'detached' });
      assert.equal(await page.locator(`${sel.articleList} li`).count(), articles + kept, 'the part offered was imported');
      const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('news-annotator/state')));
      assert.equal(saved.articles.length, kept, 'and saved');
    });
  });

  test('a broken doccano line is refused with its line and field, and nothing changes', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      const good = JSON.stringify({ text: seed('kyiv-post').text, entities: [] });
      const bad = JSON.stringify({ text: seed('kyiv-post').text, entities: [{ id: 1, label: 'CLAIM', start_offset: 10, end_offset: 99999 }] });
      await page.setInputFiles(sel.importFile, { name: 'broken.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${good}\n${bad}\n`) });
      const error = await page.waitForSelector(sel.error, { state: 'visible' });
      assert.match(await error.textContent(), /broken\.jsonl was not loaded: line 2/);
      assert.deepEqual(await countsOf(page, 'kyiv-post'), { claim: 0, quote: 0, entity: 0 });
    });
  });
});
