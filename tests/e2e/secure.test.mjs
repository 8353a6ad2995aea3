// End-to-end tests of the built page's defences and its offline use, in the release build:
// - the Content-Security-Policy: present, quiet while the app works, and refusing injected scripts;
// - hostile text (tests/fixtures/hostile/strings.json and a 200,000-character line) in an own article,
//   a note, an entity name, an exercise's title and instructions, a student's name, a submission in the
//   teacher's view and imported files: shown as text, never run;
// - the service worker: the app loaded once starts and works again with its server stopped.
//
// Run: bash scripts/test.sh build node   (or, with dist/ built: node --test tests/e2e/secure.test.mjs)
import { serveBuiltApp } from '../support/suite.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { downloadFrom, newPage } from '../support/browser.mjs';
import { DIST, FIXTURES } from '../support/paths.mjs';
import { startStaticServer } from '../support/server.mjs';
import { countsOf, openApp, openArticle, openEntities, sel, tag, waitForApp, waitForCount, waitForState } from '../support/app.mjs';

const TEST_TIMEOUT = 240_000;
const app = serveBuiltApp();

const HOSTILE = JSON.parse(readFileSync(join(FIXTURES, 'hostile', 'strings.json'), 'utf8')).strings;
const text = (name) => HOSTILE.find((h) => h.name === name).text;
/** A 200,000-character line of markup. */
const LONG_LINE = '<b onmouseover=window.__pwned=1>x</b> '.repeat(5000).slice(0, 200_000);

const cls = {
  toggle: '[data-testid=classroom-toggle]',
  title: '[data-testid=exercise-title]',
  instructions: '[data-testid=exercise-instructions]',
  article: (id) => `[data-testid=make-exercise] input[data-article="${id}"]`,
  create: '[data-testid=create-exercise]',
  teaching: '[data-testid=teaching]',
  studentsFile: '[data-testid=save-students-file]',
  makeLink: '[data-testid=make-link]',
  link: '[data-testid=exercise-link]',
  banner: '[data-testid=exercise-banner]',
  shownInstructions: '[data-testid=instructions]',
  name: '[data-testid=student-name]',
  submit: '[data-testid=save-submission]',
  loadSubmissions: 'input[type=file][data-testid=load-submissions]',
  students: '[data-testid=students] li',
};

/**
 * A fresh page that records what must never happen: Content-Security-Policy violations (collected in
 * the page before any of its scripts run), dialogs (alert, confirm, prompt) and `window.__pwned`.
 */
async function guardedPage(browser, options) {
  const { context, page } = await newPage(browser, options);
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => window.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }),
      true,
    );
  });
  page.dialogs = [];
  page.on('dialog', (d) => {
    page.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  return { context, page };
}

/** Fails if a script from the hostile text ran, a dialog opened or the policy refused anything. */
async function assertNothingRan(page, { except = () => false } = {}) {
  const seen = await page.evaluate(() => ({ pwned: window.__pwned, violations: window.__violations }));
  assert.equal(seen.pwned, undefined, 'a script from the hostile text ran');
  assert.deepEqual(page.dialogs, [], 'a dialog opened');
  assert.deepEqual(seen.violations.filter((v) => !except(v)), [], 'the CSP refused something the page did');
  assert.deepEqual(page.pageErrors, []);
}

/**
 * Fails unless the open article's lines show exactly `lines` (with a NUL as U+FFFD: HTML cannot hold a
 * NUL, and one character for one keeps the offsets), and the text keeps its bidi controls as text.
 */
async function assertLinesShown(page, lines) {
  const n = lines.length;
  await page.waitForFunction(({ s, n }) => document.querySelectorAll(s).length === n, { s: sel.para, n }, { timeout: 30_000 });
  const shown = await page.$$eval(sel.para, (ps) => ps.map((p) => p.textContent));
  lines.forEach((line, i) => {
    const want = line.replaceAll('\0', '\uFFFD');
    assert.ok(shown[i] === want, `line ${i + 1} is shown as ${JSON.stringify(shown[i].slice(0, 200))}, not as written: ${JSON.stringify(want.slice(0, 200))}`);
  });
}

/** Add an own article from pasted `body` with `title`; returns its id once it is open. */
async function addOwnArticle(page, body, title) {
  const before = await page.$$eval(sel.ownArticles, (b) => b.map((e) => e.getAttribute('data-article')));
  await page.click(sel.addArticleOpen);
  await page.waitForSelector(sel.addArticle);
  await page.fill(sel.addArticleText, body);
  await page.fill(sel.addArticleTitle, title);
  await page.click(sel.addArticleAdd);
  await page.waitForSelector(sel.addArticle, { state: 'detached' });
  const handle = await page.waitForFunction(
    ({ s, before }) => {
      const fresh = [...document.querySelectorAll(s)].map((e) => e.getAttribute('data-article')).filter((id) => !before.includes(id));
      return fresh.length === 1 ? fresh[0] : null;
    },
    { s: sel.ownArticles, before },
  );
  return handle.jsonValue();
}

/** A file for setInputFiles. */
const file = (name, body, mimeType = 'application/octet-stream') => ({ name, mimeType, buffer: Buffer.from(body) });

/** Load `files` through the header's Load file and return what the app then shows (preview or error). */
async function load(page, files) {
  await page.setInputFiles(sel.importFile, files);
  const shown = await page.waitForSelector(`${sel.importPreview}, ${sel.error}`, { state: 'visible' });
  return shown.textContent();
}

describe('security and offline use in Chromium', { timeout: TEST_TIMEOUT }, () => {
  test('the page carries a CSP that allows the app, and refuses injected and remote scripts', { timeout: TEST_TIMEOUT }, async () => {
    // The policy is in the served page, allows Trunk's one inline loader by its hash, and nothing inline else.
    const html = await (await fetch(app.server.url)).text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    assert.ok(meta, 'the page has a CSP meta element');
    const csp = meta[1];
    assert.ok(html.indexOf(meta[0]) < html.indexOf('<script'), 'the policy comes before every script');
    const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    assert.equal(inline.length, 1, "Trunk's loader is the only inline script");
    const hash = createHash('sha256').update(inline[0]).digest('base64');
    assert.match(csp, new RegExp(`script-src 'self' 'sha256-${hash.replace(/[+/=]/g, '\\$&')}' 'wasm-unsafe-eval';`));
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*|https?:/);
    for (const part of ["default-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"]) {
      assert.ok(csp.includes(part), `the policy has ${part}`);
    }

    const { context, page } = await guardedPage(app.browser);
    try {
      await openApp(page, app.server.url);
      // The app at work under the policy: tagging (the toolbar is placed by CSSOM), a download through
      // a blob: URL, the exercise link (CompressionStream in a snippet of the app's own).
      await openArticle(page, 'kyiv-post');
      await tag(page, 'Volodymyr Zelensky', { key: 'p' });
      await page.click(sel.exportOpen);
      const exported = await downloadFrom(page, sel.exportDownload);
      assert.match(exported.text, /Volodymyr Zelensky/);
      await page.keyboard.press('Escape');
      await page.click(cls.toggle);
      await page.fill(cls.title, 'Link check');
      await page.check(cls.article('kyiv-post'));
      await page.click(cls.create);
      await page.waitForSelector(cls.teaching);
      await page.click(cls.makeLink);
      await page.waitForFunction((s) => document.querySelector(s)?.value.includes('#exercise='), cls.link);
      await assertNothingRan(page);
      assert.deepEqual(page.consoleErrors, []);

      // Probes: an inline script (Playwright's addScriptTag, and one put in by the DOM), an inline event
      // handler, a script from another origin and a string run as code. None may run, and the policy reports each.
      await page.addScriptTag({ content: 'window.__probe = "addScriptTag"' }).catch(() => {});
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__probe = "inserted"';
        document.body.append(s);
        const b = document.createElement('button');
        b.setAttribute('onclick', 'window.__probe = "handler"');
        document.body.append(b);
        b.click();
        const remote = document.createElement('script');
        remote.src = 'http://127.0.0.2:9/remote.js';
        document.body.append(remote);
      });
      // A string run as code later (the page's own eval; Playwright's evaluate is exempt from the policy).
      await page.evaluate(() => setTimeout('window.__probe = "timer"', 0));
      await page.waitForFunction(() => window.__violations.length >= 5);
      assert.equal(await page.evaluate(() => window.__probe), undefined, 'no probe ran');
      const seen = await page.evaluate(() => window.__violations);
      const directives = seen.map((v) => v.directive).sort();
      assert.deepEqual(directives, ['script-src', 'script-src-attr', 'script-src-elem', 'script-src-elem', 'script-src-elem'], JSON.stringify(seen));
      assert.ok(seen.some((v) => v.blocked === 'http://127.0.0.2:9/remote.js'), 'the remote script was refused');
    } finally {
      await context.close();
    }
  });

  test('hostile text is shown as text and never run, wherever it goes in', { timeout: TEST_TIMEOUT }, async () => {
    const lines = HOSTILE.map((h) => h.text);
    const title = `${text('attribute breakout')} ${text('bidi override')}`;
    const teacher = await guardedPage(app.browser);
    const student = await guardedPage(app.browser);
    try {
      const page = teacher.page;
      await openApp(page, app.server.url);

      // An own article, pasted: every line (and the 200,000-character one) is the text as written.
      const own = await addOwnArticle(page, [...lines, LONG_LINE].join('\n'), title);
      await page.waitForSelector(`${sel.openArticle(own)} p.para`);
      await assertLinesShown(page, [...lines, LONG_LINE]);
      assert.ok((await page.textContent(sel.articleButton(own))).includes(title), 'the list shows the title as text');
      // The title's right-to-left override is isolated: it cannot reorder the counts beside it.
      assert.equal(await page.$eval(`${sel.articleButton(own)} .title`, (e) => getComputedStyle(e).unicodeBidi), 'isolate');

      // A note and an entity: tag a person, give it a hostile note, make it a registry entry, rename it.
      const person = await tag(page, text('script tag'), { key: 'p' });
      await page.click(sel.item(person));
      await page.waitForSelector(sel.note);
      await page.fill(sel.note, text('img onerror'));
      await page.keyboard.press('Tab');
      await waitForState(page, (s, n) => s.annotations.some((a) => a.note === n), text('img onerror'));
      assert.equal(await page.inputValue(sel.note), text('img onerror'));
      await page.click(sel.registryNew);
      await page.waitForFunction((s) => document.querySelector(s)?.value.startsWith('e'), sel.registrySelect);
      assert.ok((await page.textContent(sel.registryEntry)).includes(text('script tag')), 'the entry is named after the mention, as text');
      await openEntities(page);
      const entry = await page.$eval(sel.entity, (e) => e.getAttribute('data-entity'));
      await page.click(`${sel.entityById(entry)} ${sel.entityExpand}`);
      const entityName = `${text('svg onload')} ${text('bidi isolates')}`;
      await page.fill(`${sel.entityById(entry)} ${sel.entityName}`, entityName);
      await page.keyboard.press('Tab');
      await waitForState(page, (s, n) => s.entities.some((e) => e.name === n), entityName);
      assert.ok((await page.textContent(sel.entityById(entry))).includes(entityName), 'the renamed entry shows its name as text');
      await page.click(sel.entitiesToggle);

      // An exercise on the own article with a hostile title and instructions.
      const instructions = [text('javascript URL'), text('template syntax'), text('NUL and controls')].join('\n');
      await page.click(cls.toggle);
      await page.fill(cls.title, title);
      await page.fill(cls.instructions, instructions);
      await page.check(cls.article(own));
      await page.click(cls.create);
      await page.waitForSelector(cls.teaching);
      assert.ok((await page.textContent(cls.teaching)).includes(title));
      const exercise = await downloadFrom(page, cls.studentsFile);

      // The student: the banner shows the title and the instructions as text; a hostile name.
      const sp = student.page;
      await openApp(sp, app.server.url);
      await sp.setInputFiles(sel.importFile, file(exercise.name, exercise.text, 'application/json'));
      await sp.waitForSelector(cls.banner);
      assert.ok((await sp.textContent(cls.banner)).includes(title), 'the banner shows the title as text');
      assert.equal((await sp.textContent(cls.shownInstructions)).trim(), instructions);
      const studentName = `${text('single-quote breakout')}${text('bidi override')}`;
      await sp.fill(cls.name, studentName);
      await sp.waitForSelector(`${sel.openArticle(own)} p.para`);
      await assertLinesShown(sp, [...lines, LONG_LINE]);
      const submission = await downloadFrom(sp, cls.submit);
      assert.equal(await sp.inputValue(cls.name), studentName);

      // The teacher's class: the student's name, as text and as the row's attribute.
      await page.setInputFiles(cls.loadSubmissions, [file(submission.name, submission.text, 'application/json')]);
      await page.waitForFunction((s) => document.querySelectorAll(s).length === 1, cls.students);
      assert.ok((await page.textContent(cls.students)).includes(studentName), 'the class lists the name as text');
      const rows = await page.$$eval('[data-testid=class-table] tr[data-student]', (trs) => trs.map((t) => t.getAttribute('data-student')));
      assert.ok(rows.length > 0 && rows.every((r) => r === studentName), JSON.stringify(rows));

      // Imported files of three formats, with hostile names and contents: whatever the app says about
      // them names the file as text.
      await page.click(cls.toggle);
      const kyiv = 'kyiv-post';
      await openArticle(page, kyiv);
      const native = JSON.parse((await (async () => {
        await page.click(sel.exportOpen);
        const d = await downloadFrom(page, sel.exportDownload);
        await page.keyboard.press('Escape');
        return d;
      })()).text);
      const nativeName = `${text('img onerror')}.json`;
      let shown = await load(page, file(nativeName, JSON.stringify(native), 'application/json'));
      assert.ok(shown.includes(nativeName), shown);
      if (await page.isVisible(sel.importCancel)) await page.click(sel.importCancel);
      const doccanoName = `${text('script tag')}.jsonl`;
      const doccano = JSON.stringify({ text: lines.join('\n'), label: [[0, 8, text('svg onload')]] });
      shown = await load(page, file(doccanoName, `${doccano}\n`, 'application/x-ndjson'));
      assert.ok(shown.includes(doccanoName), shown);
      if (await page.isVisible(sel.importCancel)) await page.click(sel.importCancel);
      // brat: the own article and its hostile person, exported as a brat zip and loaded back.
      await openArticle(page, own);
      await page.click(sel.exportOpen);
      await page.selectOption(sel.exportFormat, 'brat');
      await page.waitForFunction((s) => /^T1\t/m.test(document.querySelector(s)?.textContent ?? ''), sel.exportPreview);
      const brat = await downloadFrom(page, sel.exportDownload);
      await page.keyboard.press('Escape');
      const bratName = `${text('javascript URL')}.zip`;
      shown = await load(page, { name: bratName, mimeType: 'application/zip', buffer: readFileSync(brat.path) });
      assert.ok(shown.includes(bratName), shown);
      if (await page.isVisible(sel.importCancel)) await page.click(sel.importCancel);

      await assertNothingRan(page);
      await assertNothingRan(sp);
      assert.ok(person);
    } finally {
      await teacher.context.close();
      await student.context.close();
    }
  });

  test('the app loaded once starts and works with its server stopped', { timeout: TEST_TIMEOUT }, async () => {
    const server = await startStaticServer(DIST);
    let running = true;
    const { context, page } = await guardedPage(app.browser);
    try {
      await openApp(page, server.url);
      // The worker has kept the files once it controls the page (it takes over as soon as it is ready).
      await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
      const version = /const BUILD = (\{.*\});/.exec(readFileSync(join(DIST, 'sw.js'), 'utf8'));
      const build = JSON.parse(version[1]);
      assert.deepEqual(await page.evaluate(() => caches.keys()), [`news-annotator-${build.version}`], "one cache, named after this build");
      const kept = await page.evaluate(async () => (await (await caches.open((await caches.keys())[0])).keys()).map((r) => new URL(r.url).pathname));
      assert.deepEqual(kept.sort(), [build.index, ...build.files].sort());

      await server.close();
      running = false;
      assert.equal(await page.evaluate(() => fetch('/not-kept.txt').then(() => 'answered', () => 'failed')), 'failed', 'the server is down');

      await page.reload();
      await waitForApp(page);
      await openArticle(page, 'kyiv-post');
      await tag(page, 'Volodymyr Zelensky', { key: 'p' });
      await waitForCount(page, 'kyiv-post', 'entity', 1);
      await page.reload();
      await waitForApp(page);
      assert.deepEqual(await countsOf(page, 'kyiv-post'), { claim: 0, quote: 0, entity: 1 });
      await assertNothingRan(page);

      // The browser's own offline switch, on the page that is still open.
      await context.setOffline(true);
      await page.reload();
      await waitForApp(page);
      assert.deepEqual(await countsOf(page, 'kyiv-post'), { claim: 0, quote: 0, entity: 1 });
    } finally {
      await context.close();
      if (running) await server.close();
    }
  });
});
