// End-to-end tests of the release build (dist/) in headless Debian Chromium, driven like a person:
// text is selected with the real mouse, labels are given with keys and buttons, files are really
// downloaded and uploaded. Each test runs in a fresh browser context (empty localStorage).
//
// Run: bash scripts/test.sh build node   (or, with dist/ built: node --test tests/e2e/)
import { serveBuiltApp } from '../support/suite.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { downloadFrom, screenshot, withPage } from '../support/browser.mjs';
import { loadSeeds, sliceChars } from '../support/paths.mjs';
import { describeErrors, exportValidator } from '../support/schema.mjs';
import {
  STATE_KEY,
  UNREADABLE_PREFIX,
  countsOf,
  highlightClasses,
  highlightText,
  listedIds,
  openApp,
  openArticle,
  sel,
  storageEntries,
  tag,
  waitForApp,
  waitForCount,
  waitForSaved,
} from '../support/app.mjs';

const SEEDS = loadSeeds();
const seed = (id) => SEEDS.find((s) => s.id === id) ?? assert.fail(`no seed ${id} in seeds/manifest.json`);

const KYIV_CLAIM =
  'Trump said last week that he wanted Ukraine to supply the United States with rare earth minerals as a form of payment for American financial support.';
const MUNICH_QUOTE = '“For me, it is crucial to connect some kind of security guarantees with investment,”';
const EXPORT_NAME = /^news-annotations-\d{4}-\d{2}-\d{2}\.json$/;
const TEST_TIMEOUT = 120_000;

const app = serveBuiltApp();

/** Code point offset of the first occurrence of `text` in the seed of article `id`. */
function charOffset(id, text, from = 0) {
  const s = seed(id).text;
  const at = s.indexOf(text, from);
  assert.ok(at >= 0, `"${text}" is in ${id}`);
  return [...s.slice(0, at)].length;
}

/** Every p.para of the open article holds exactly the seed's text at its data-start (code points). */
async function assertParagraphsMatchSeed(page, id) {
  const paras = await page.$$eval(sel.para, (ps) =>
    ps.map((p) => ({ start: p.getAttribute('data-start'), text: p.textContent })),
  );
  assert.ok(paras.length > 0, 'the article has p.para lines');
  const { chars } = seed(id);
  for (const { start, text } of paras) {
    assert.match(start ?? '', /^\d+$/, 'p.para has a numeric data-start');
    const n = Number(start);
    assert.equal(text, sliceChars(chars, n, n + [...text].length), `p.para[data-start=${n}] text equals the seed there`);
  }
}

/** Check an export file against the seeds and the schema; returns the parsed file. */
function checkExport({ name, text }) {
  assert.match(name, EXPORT_NAME, 'download name');
  const data = JSON.parse(text);
  const validate = exportValidator();
  assert.ok(validate(data), `export is valid against the schema:\n${describeErrors(validate.errors)}`);
  assert.deepEqual(
    data.articles.map((a) => a.id),
    SEEDS.map((s) => s.id),
    'articles in list order',
  );
  for (const a of data.articles) {
    assert.equal(a.length, seed(a.id).chars.length, `${a.id}: length in code points`);
    assert.equal(a.sha256, seed(a.id).sha256, `${a.id}: sha256 of the UTF-8 text`);
  }
  for (const a of data.annotations) {
    const { chars } = seed(a.article);
    assert.equal(sliceChars(chars, a.start, a.end), a.exact, `annotation ${a.id}: seed.slice(start, end) === exact`);
    assert.equal(a.prefix, sliceChars(chars, Math.max(0, a.start - 32), a.start), `annotation ${a.id}: prefix`);
    assert.equal(a.suffix, sliceChars(chars, a.end, a.end + 32), `annotation ${a.id}: suffix`);
  }
  return data;
}

/** An export file written by hand, with correct articles and the given annotations. */
function exportFileWith(annotations) {
  return {
    format: 'news-annotator',
    version: 1,
    exported: '2026-11-24T10:00:00.000Z',
    offsets: 'unicode-code-points, end-exclusive',
    articles: SEEDS.map((s) => ({ id: s.id, title: s.title, sha256: s.sha256, length: s.chars.length })),
    annotations,
  };
}

describe('News Annotator in Chromium', { timeout: TEST_TIMEOUT * 6 }, () => {
  test('a claim selected with the mouse and tagged with "c" is highlighted, counted, and survives a reload', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      await page.waitForSelector(sel.openArticle('kyiv-post'));
      await assertParagraphsMatchSeed(page, 'kyiv-post');
      assert.deepEqual(await countsOf(page, 'kyiv-post'), { claim: 0, quote: 0, entity: 0 });

      const id = await tag(page, KYIV_CLAIM, { key: 'c' });
      await waitForCount(page, 'kyiv-post', 'claim', 1);
      await screenshot(page, '1-kyiv-post-claim');
      assert.deepEqual(await listedIds(page, 'claim'), [id]);
      assert.equal(await highlightText(page, id), KYIV_CLAIM, 'the highlight covers exactly the sentence');
      assert.ok((await highlightClasses(page, id)).every((c) => c.includes('claim')), 'highlight pieces have class claim');
      const itemText = await page.textContent(sel.item(id));
      assert.ok(itemText.includes(KYIV_CLAIM), `the list item shows the exact text; it shows ${JSON.stringify(itemText)}`);
      await assertParagraphsMatchSeed(page, 'kyiv-post');

      await waitForSaved(page, [id]);
      const stored = JSON.parse((await storageEntries(page))[STATE_KEY] ?? 'null');
      assert.equal(stored?.schema, 4, `${STATE_KEY} holds {"schema":4,...}`);
      assert.equal(stored.annotations.length, 1);

      await page.reload();
      await waitForApp(page);
      await waitForCount(page, 'kyiv-post', 'claim', 1);
      assert.deepEqual(await listedIds(page, 'claim'), [id], 'the same annotation after a reload');
      assert.equal(await highlightText(page, id), KYIV_CLAIM);
    });
  });

  test('non-ASCII article: quote, nested and edited entities, note; the export matches the seed text and the schema', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      await openArticle(page, 'munich-dispatch');
      await assertParagraphsMatchSeed(page, 'munich-dispatch');

      const quote = await tag(page, MUNICH_QUOTE, { button: 'quote' });
      await waitForCount(page, 'munich-dispatch', 'quote', 1);
      assert.equal(await highlightText(page, quote), MUNICH_QUOTE);

      // Nested inside the quote (the same words occur earlier in the article).
      const nested = await tag(page, 'security guarantees', { button: 'other' }, { after: '“For me, it is crucial' });
      // After the em dash and a curly apostrophe earlier in the text.
      const person = await tag(page, 'Volodymyr Zelenskyy', { key: 'p' });
      const place = await tag(page, 'Munich Security Conference', { key: 'l' });
      await waitForCount(page, 'munich-dispatch', 'entity', 3);
      assert.equal(await highlightText(page, nested), 'security guarantees');
      assert.equal(await highlightText(page, quote), MUNICH_QUOTE, 'the quote is still whole around the nested entity');

      // Correct a label and write a note in the detail panel.
      await page.click(sel.item(place));
      await page.waitForSelector(sel.detail);
      assert.equal(await page.inputValue(sel.labelSelect), 'place');
      await page.selectOption(sel.labelSelect, 'organization');
      await page.waitForFunction((s) => document.querySelector(s)?.value === 'organization', sel.labelSelect);

      await page.click(sel.item(person));
      await page.waitForFunction((s) => document.querySelector(s)?.value === 'person', sel.labelSelect);
      const note = 'Ukraine’s president 🇺🇦 — “Зеленський”';
      await page.fill(sel.note, note);
      await page.keyboard.press('Tab');
      await page.waitForFunction(
        ({ key, note }) => (JSON.parse(localStorage.getItem(key) ?? '{}').annotations ?? []).some((a) => a.note === note),
        { key: STATE_KEY, note },
      );
      await assertParagraphsMatchSeed(page, 'munich-dispatch');
      assert.deepEqual(await countsOf(page, 'munich-dispatch'), { claim: 0, quote: 1, entity: 3 });
      await screenshot(page, '2-munich-dispatch-annotated');

      const file = await downloadFrom(page, sel.exportButton);
      const data = checkExport(file);
      const byId = Object.fromEntries(data.annotations.map((a) => [a.id, a]));
      assert.equal(data.annotations.length, 4);
      assert.deepEqual(
        [byId[quote], byId[nested], byId[person], byId[place]].map((a) => a && [a.label, a.kind ?? null, a.exact]),
        [
          ['quote', null, MUNICH_QUOTE],
          ['entity', 'other', 'security guarantees'],
          ['entity', 'person', 'Volodymyr Zelenskyy'],
          ['entity', 'organization', 'Munich Security Conference'],
        ],
      );
      assert.equal(byId[quote].start, charOffset('munich-dispatch', MUNICH_QUOTE));
      assert.equal(byId[person].start, charOffset('munich-dispatch', 'Volodymyr Zelenskyy'));
      assert.ok(byId[quote].start <= byId[nested].start && byId[nested].end <= byId[quote].end, 'nested entity inside the quote');
      assert.equal(byId[person].note, note, 'the note, with non-BMP characters, is exported');
    });
  });

  test('importing a file with an annotation past the end of its article shows the error and changes nothing', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      const id = await tag(page, KYIV_CLAIM, { key: 'c' });
      await waitForCount(page, 'kyiv-post', 'claim', 1);
      const countsBefore = await countsOf(page, 'kyiv-post');
      assert.equal(seed('kyiv-post').chars.length, 4016);

      const broken = exportFileWith([
        {
          id: 'broken-1',
          article: 'kyiv-post',
          label: 'claim',
          kind: null,
          note: '',
          start: 4000,
          end: 5012,
          exact: sliceChars(seed('kyiv-post').chars, 4000, 4016),
          prefix: '',
          suffix: '',
          created: '2026-11-24T10:00:00.000Z',
          updated: '2026-11-24T10:00:00.000Z',
        },
      ]);
      await page.setInputFiles(sel.importFile, {
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(broken, null, 2)),
      });
      const error = await page.waitForSelector(sel.error, { state: 'visible' });
      assert.equal(await error.getAttribute('role'), 'alert', 'the error has role=alert');
      const message = await error.textContent();
      assert.match(message, /annotations\[0\]\.end/, `the error names annotations[0].end: "${message}"`);
      await screenshot(page, '3-import-error');

      assert.deepEqual(await countsOf(page, 'kyiv-post'), countsBefore, 'counts unchanged');
      assert.deepEqual(await listedIds(page), [id], 'annotations unchanged');
      assert.equal(await highlightText(page, id), KYIV_CLAIM);
      await waitForSaved(page, [id]);
      const stored = JSON.parse((await storageEntries(page))[STATE_KEY]);
      assert.deepEqual(stored.annotations.map((a) => a.id), [id], 'stored state unchanged');
    });
  });

  test('export, then import into a fresh profile: the preview shows the counts and Replace restores them', { timeout: TEST_TIMEOUT }, async () => {
    let file;
    let ids;
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      const claim = await tag(page, KYIV_CLAIM, { key: 'c' });
      const person = await tag(page, 'Volodymyr Zelensky', { key: 'p' });
      await openArticle(page, 'munich-dispatch');
      const quote = await tag(page, MUNICH_QUOTE, { key: 'q' });
      ids = [claim, person, quote].sort();
      file = await downloadFrom(page, sel.exportButton);
      assert.equal(checkExport(file).annotations.length, 3);
    });

    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      assert.deepEqual(await listedIds(page), [], 'a fresh profile has no annotations');
      assert.deepEqual(await countsOf(page, 'kyiv-post'), { claim: 0, quote: 0, entity: 0 });

      // (Playwright deletes a download when its context closes: upload the bytes.)
      await page.setInputFiles(sel.importFile, { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
      const preview = await page.waitForSelector(sel.importPreview, { state: 'visible' });
      const text = await preview.textContent();
      assert.match(text, /\b3\b/, `the preview counts the 3 annotations: "${text}"`);
      await screenshot(page, '4-import-preview');

      await page.click(sel.importReplace);
      await page.waitForSelector(sel.importPreview, { state: 'detached' });
      await waitForCount(page, 'kyiv-post', 'claim', 1);
      assert.deepEqual(await countsOf(page, 'kyiv-post'), { claim: 1, quote: 0, entity: 1 });
      assert.deepEqual(await countsOf(page, 'munich-dispatch'), { claim: 0, quote: 1, entity: 0 });
      await waitForSaved(page, ids);
      const stored = JSON.parse((await storageEntries(page))[STATE_KEY]);
      assert.deepEqual(stored.annotations.map((a) => a.id).sort(), ids, 'the imported annotations are saved');

      await page.reload();
      await waitForApp(page);
      await waitForCount(page, 'kyiv-post', 'claim', 1);
      assert.deepEqual(await countsOf(page, 'munich-dispatch'), { claim: 0, quote: 1, entity: 0 });
    });
  });

  test('a file dropped on the page is previewed, and Merge keeps both sides', { timeout: TEST_TIMEOUT }, async () => {
    let file;
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      await tag(page, KYIV_CLAIM, { key: 'c' });
      await tag(page, 'Volodymyr Zelensky', { key: 'p' });
      file = await downloadFrom(page, sel.exportButton);
    });

    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      const mine = await tag(page, 'Washington Post', { key: 'o' });
      // The file says it was made on another text of kyiv-post: the preview must say so (its annotations
      // still match their text, so they load).
      const edited = JSON.parse(file.text);
      edited.articles.find((a) => a.id === 'kyiv-post').sha256 = '0'.repeat(64);
      file = { ...file, text: JSON.stringify(edited) };
      // Drop the exported file on the page, as a person drags it from the file manager.
      await page.evaluate(({ name, text }) => {
        const data = new DataTransfer();
        data.items.add(new File([text], name, { type: 'application/json' }));
        const target = document.querySelector('[data-testid=article-text]');
        for (const type of ['dragenter', 'dragover', 'drop']) {
          target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
        }
      }, { name: file.name, text: file.text });
      const preview = await page.waitForSelector(sel.importPreview, { state: 'visible' });
      const summary = await preview.textContent();
      assert.match(summary, /2 annotation\(s\): 2 new, 0 already here, 0 in conflict/, summary);
      const warnings = await page.textContent('[data-testid=import-warnings]');
      assert.match(warnings, /the text of "kyiv-post" differs from the one the file was made on/, warnings);
      assert.deepEqual(await countsOf(page, 'kyiv-post'), { claim: 0, quote: 0, entity: 1 }, 'nothing changes before the choice');

      await page.click(sel.importMerge);
      await page.waitForSelector(sel.importPreview, { state: 'detached' });
      await waitForCount(page, 'kyiv-post', 'claim', 1);
      assert.deepEqual(await countsOf(page, 'kyiv-post'), { claim: 1, quote: 0, entity: 2 }, 'merged: theirs and mine');
      assert.ok((await listedIds(page)).includes(mine), 'my own annotation is still there');

      // One undo takes the whole import back.
      await page.click(sel.undo);
      await waitForCount(page, 'kyiv-post', 'claim', 0);
      assert.deepEqual(await listedIds(page), [mine]);
    });
  });

  test('undo and redo by keyboard (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) and by the header buttons', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      const id = await tag(page, KYIV_CLAIM, { key: 'c' });
      await waitForCount(page, 'kyiv-post', 'claim', 1);

      await page.keyboard.press('Control+z');
      await waitForCount(page, 'kyiv-post', 'claim', 0);
      assert.deepEqual(await listedIds(page), []);
      assert.equal(await page.$$eval(`${sel.articleText} span.seg.hl`, (pieces) => pieces.length), 0, 'no highlight after undo');

      await page.keyboard.press('Control+Shift+Z');
      await waitForCount(page, 'kyiv-post', 'claim', 1);
      assert.deepEqual(await listedIds(page), [id], 'redo brings back the same annotation');
      assert.equal(await highlightText(page, id), KYIV_CLAIM);

      await page.keyboard.press('Control+z');
      await waitForCount(page, 'kyiv-post', 'claim', 0);
      await page.keyboard.press('Control+y');
      await waitForCount(page, 'kyiv-post', 'claim', 1);

      await page.click(sel.undo);
      await waitForCount(page, 'kyiv-post', 'claim', 0);
      await page.click(sel.redo);
      await waitForCount(page, 'kyiv-post', 'claim', 1);
      assert.deepEqual(await listedIds(page), [id]);

      await waitForSaved(page, [id]);
      const stored = JSON.parse((await storageEntries(page))[STATE_KEY]);
      assert.deepEqual(stored.annotations.map((a) => a.id), [id], 'the state after redo is saved');
    });
  });

  test('unreadable localStorage is kept aside, reported, downloadable, and never lost', { timeout: TEST_TIMEOUT }, async () => {
    const RAW = '{not json';
    await withPage(app.browser, async ({ context, page }) => {
      // Before the app's first load only (the flag lives in sessionStorage, which survives reloads).
      await context.addInitScript(
        ({ key, raw }) => {
          if (!sessionStorage.getItem('e2e-seeded')) {
            localStorage.setItem(key, raw);
            sessionStorage.setItem('e2e-seeded', '1');
          }
        },
        { key: STATE_KEY, raw: RAW },
      );
      await openApp(page, app.server.url);
      await page.waitForSelector(sel.storageProblem, { state: 'visible' });
      await screenshot(page, '6-storage-problem');

      const keptAside = (entries) => Object.keys(entries).filter((k) => k.startsWith(UNREADABLE_PREFIX));
      let entries = await storageEntries(page);
      const aside = keptAside(entries);
      assert.equal(aside.length, 1, `one ${UNREADABLE_PREFIX}* key: ${JSON.stringify(Object.keys(entries))}`);
      assert.equal(entries[aside[0]], RAW, 'the raw text is kept verbatim');
      if (entries[STATE_KEY] !== undefined && entries[STATE_KEY] !== RAW) {
        assert.equal(JSON.parse(entries[STATE_KEY]).schema, 4, 'the main key, if rewritten, holds a valid state');
      }

      const file = await downloadFrom(page, sel.downloadUnreadable);
      assert.equal(file.text, RAW, 'the download holds the raw text');

      // The app still works, and saving does not lose the raw text.
      const id = await tag(page, KYIV_CLAIM, { key: 'c' });
      await waitForCount(page, 'kyiv-post', 'claim', 1);
      await waitForSaved(page, [id]);
      entries = await storageEntries(page);
      assert.equal(entries[aside[0]], RAW, 'the kept copy is still there after a save');
      if (entries[STATE_KEY] !== RAW) {
        const state = JSON.parse(entries[STATE_KEY]);
        assert.equal(state.schema, 4);
        assert.deepEqual(state.annotations.map((a) => a.id), [id]);
      }
    });
  });
});
