// The accessibility audit: axe-core (WCAG 2.0 and 2.1, levels A and AA, and its landmark and heading
// rules) on every view and state of the release build, each in the light and the dark colour scheme,
// must find nothing. Also checks that the live region says what a tag, a delete, a relabel, undo and
// redo did, and that the highlights and list items describe their annotations.
//
// Run: bash scripts/test.sh build node   (or, with dist/ built: node --test tests/e2e/a11y.test.mjs)
import { serveBuiltApp } from '../support/suite.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { loadSeeds } from '../support/paths.mjs';
import { downloadFrom, withPage } from '../support/browser.mjs';
import {
  openApp,
  openArticle,
  openEntities,
  openOutlets,
  sel,
  selectInArticle,
  tag,
  waitForCount,
  waitForState,
  waitForText,
} from '../support/app.mjs';

const require = createRequire(import.meta.url);
/** axe-core's browser bundle, from node_modules (a pinned devDependency). */
const AXE = require.resolve('axe-core/axe.min.js');
/** The rules run: WCAG 2.0 and 2.1, levels A and AA ... */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** ... and axe's best practices for the page's structure: landmarks and headings. */
const STRUCTURE = [
  'landmark-one-main',
  'landmark-no-duplicate-main',
  'landmark-no-duplicate-banner',
  'landmark-main-is-top-level',
  'landmark-banner-is-top-level',
  'landmark-complementary-is-top-level',
  'landmark-unique',
  'region',
  'heading-order',
  'page-has-heading-one',
  'empty-heading',
  'aria-dialog-name',
];
const SCHEMES = ['light', 'dark'];
const TEST_TIMEOUT = 240_000;

const app = serveBuiltApp();

const a11y = {
  live: '[data-testid=live]',
  classroomToggle: '[data-testid=classroom-toggle]',
  exerciseTitle: '[data-testid=exercise-title]',
  exerciseInstructions: '[data-testid=exercise-instructions]',
  exerciseArticle: (id) => `[data-testid=make-exercise] input[data-article="${id}"]`,
  createExercise: '[data-testid=create-exercise]',
  teaching: '[data-testid=teaching]',
  studentsFile: '[data-testid=save-students-file]',
  makeLink: '[data-testid=make-link]',
  banner: '[data-testid=exercise-banner]',
  studentName: '[data-testid=student-name]',
  submit: '[data-testid=save-submission]',
  loadSubmissions: 'input[type=file][data-testid=load-submissions]',
  students: '[data-testid=students] li',
  reviewStudent: '[data-testid=review-student]',
  classTable: '[data-testid=class-table]',
  heat: '[data-testid=heat-text] mark.heat',
  heatLabel: 'select[data-testid=heat-label]',
  exportCancel: '[data-testid=export-dialog] button[data-testid=export-cancel]',
};

/**
 * A fresh page that axe can be injected into: axe comes as a script tag, which the page's CSP refuses
 * (as it must; tests/e2e/secure.test.mjs checks that), so these pages bypass the CSP. The audit is
 * about accessibility only.
 */
const withAxe = (fn) => withPage(app.browser, fn, { bypassCSP: true });

/**
 * Runs axe on the whole page in both colour schemes and adds what it finds, named by `state`, to
 * `found`. Checks first that the scheme took effect (the page background differs between the two).
 */
async function audit(page, state, found) {
  const backgrounds = [];
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // Two frames: styles are recomputed and painted in the new scheme.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    backgrounds.push(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor));
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async ({ tags, structure }) => {
      const rules = Object.fromEntries(structure.map((id) => [id, { enabled: true }]));
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      }));
    }, { tags: TAGS, structure: STRUCTURE });
    for (const v of violations) found.push({ state, colorScheme, ...v });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  assert.notEqual(backgrounds[0], backgrounds[1], `${state}: the dark scheme changes the page's background`);
}

/** Fails with every violation found: its state, scheme, rule id, impact, and each node's target and summary. */
function assertNone(found) {
  const lines = found.flatMap((v) => [
    `[${v.state} · ${v.colorScheme}] ${v.id} (${v.impact}): ${v.help}`,
    ...v.nodes.map((n) => `    ${n.target}\n      ${n.summary?.replace(/\n/g, '\n      ')}`),
  ]);
  assert.equal(found.length, 0, `axe found ${found.length} violation(s):\n${lines.join('\n')}`);
}

/** A file for setInputFiles from a download or from text. */
const file = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

const ARTICLE = 'ft-retold';
const SEED = loadSeeds().find((x) => x.id === ARTICLE).text;
const PERSON = 'Scott Bessent';
const QUOTE = '"We\'re still talking,"';
const CLAIM =
  'Bessent argued that the presence of Americans alone would ensure the location of mineral deposits was enough to stop Moscow.';

describe('accessibility (axe-core, WCAG 2.1 A and AA, light and dark)', { timeout: TEST_TIMEOUT * 3 }, () => {
  test('axe reports a control with no name and text outside the landmarks (the audit is live)', { timeout: TEST_TIMEOUT }, async () => {
    await withAxe(async ({ page }) => {
      await openApp(page, app.server.url);
      await page.evaluate(() => {
        document.body.append(Object.assign(document.createElement('button'), { id: 'nameless' }));
        document.body.append(Object.assign(document.createElement('p'), { id: 'loose', textContent: 'Outside.' }));
      });
      const found = [];
      await audit(page, 'a nameless button', found);
      const ids = found.map((v) => `${v.colorScheme}:${v.id}:${v.nodes.map((n) => n.target).join()}`).sort();
      assert.deepEqual(ids, ['dark:button-name:#nameless', 'dark:region:#loose', 'light:button-name:#nameless', 'light:region:#loose']);
    });
  });

  test('the first screen written at build time, before the wasm has loaded', { timeout: TEST_TIMEOUT }, async () => {
    await withAxe(async ({ context, page }) => {
      await context.route('**/*.wasm', (route) => route.abort());
      await page.goto(app.server.url);
      await page.waitForSelector('[data-prerendered] article p.para');
      const found = [];
      await audit(page, 'the first screen', found);
      // The blocked wasm is the loader's error, not the page's.
      page.pageErrors.length = 0;
      assertNone(found);
    });
  });

  test('the articles: annotations of every label, detail, toolbar, find, dialogs and notices', { timeout: TEST_TIMEOUT }, async () => {
    await withAxe(async ({ page }) => {
      const found = [];
      await openApp(page, app.server.url);
      await audit(page, 'start', found);

      await openArticle(page, ARTICLE);
      const person = await tag(page, PERSON, { key: 'p' });
      // The live region says what was added.
      await waitForText(page, a11y.live, `Person added: “${PERSON}”`);
      const quote = await tag(page, QUOTE, { button: 'quote' });
      await page.selectOption(sel.sourceSelect, person);
      await waitForText(page, sel.source, `said by ${PERSON}`);
      const claim = await tag(page, CLAIM, { key: 'c' });
      assert.match(await page.textContent(a11y.live), /^Claim added: “Bessent argued that the presence of Americans/);
      await page.selectOption(sel.checkSelect, 'disputed');
      await tag(page, 'Moscow', { key: 'l' }, { after: 'Bessent argued' }); // nested in the claim
      await tag(page, 'Financial Times', { key: 'o' });
      await tag(page, 'rare earth minerals', { key: 'e' });
      await waitForCount(page, ARTICLE, 'entity', 4);

      // The highlights and the list items say what each annotation is (a list item's name, as the
      // browser computes it, is its label and attributes, then its text).
      const described = (selector) => page.getAttribute(`${sel.articleText} ${selector}`, 'aria-description');
      assert.equal(await described('span.seg.hl[data-check=disputed]'), 'Claim, disputed');
      assert.equal(await described(`span.seg.hl[data-s="${[...SEED.slice(0, SEED.indexOf(QUOTE))].length}"]`), 'Quote, with a source');
      assert.equal(await page.getAttribute(`${sel.articleText} span.seg.hl[data-check=disputed]`, 'role'), 'mark');
      const list = page.locator(sel.annotationList);
      assert.equal(await list.getByRole('button', { name: /^Claim, disputed: Bessent argued that the presence/ }).count(), 1);
      assert.equal(await list.getByRole('button', { name: `Quote, with a source: ${QUOTE}` }).count(), 1);
      assert.equal(await list.getByRole('button', { name: `Place: Moscow` }).count(), 1);
      assert.equal(await page.locator(`${sel.item(claim)} button`).evaluate((b) => b.tabIndex), 0, 'reachable by Tab');
      await audit(page, 'an article with annotations; detail of a place', found);

      await page.click(`${sel.item(quote)} button`);
      await page.waitForSelector(sel.sourceRow);
      await audit(page, 'detail of a linked quote', found);
      await page.click(`${sel.item(claim)} button`);
      await page.waitForSelector(sel.checkSelect);
      await audit(page, 'detail of a disputed claim', found);

      await selectInArticle(page, 'Ukrainian President');
      await audit(page, 'the tag toolbar', found);
      await page.keyboard.press('Escape');

      await page.click(sel.findOpen);
      await page.fill(sel.findQuery, 'Zelenskyy');
      await page.waitForSelector(sel.findHits);
      await audit(page, 'the find panel', found);
      await page.click(sel.findClose);

      await page.click(sel.exportOpen);
      await page.waitForSelector(sel.exportPreview);
      await audit(page, 'the export dialog', found);
      await page.click(a11y.exportCancel);

      const saved = await downloadFrom(page, sel.exportButton);
      await page.setInputFiles(sel.importFile, file('mine.json', saved.text));
      await page.waitForSelector(sel.importPreview);
      await audit(page, 'the import preview', found);
      await page.click(sel.importMerge);
      await page.waitForSelector(sel.info);
      await audit(page, 'an info notice', found);
      await waitForText(page, a11y.live, 'Merged');

      await page.setInputFiles(sel.importFile, file('broken.json', '{"not": "ours"'));
      await page.waitForSelector(sel.error);
      await audit(page, 'an error notice', found);

      await page.click(sel.addArticleOpen);
      await page.fill(sel.addArticleText, 'A headline\n\nThe mayor said "we will build it" on Monday.');
      await page.waitForSelector(sel.addArticlePreview);
      await audit(page, 'the add-article dialog', found);
      await page.click(sel.addArticleCancel);

      assertNone(found);
    });
  });

  test('the Entities view with an entry and proposals, and Compare outlets', { timeout: TEST_TIMEOUT }, async () => {
    await withAxe(async ({ page }) => {
      const found = [];
      await openApp(page, app.server.url);
      for (const [article, text, options] of [
        ['kyiv-post', 'Scott Besant'],
        ['ft-retold', 'Scott Bessent'],
        ['arab-news', 'Scott Bassent'],
      ]) {
        await openArticle(page, article);
        await tag(page, text, { key: 'p' }, options);
      }
      await tag(page, 'Ukraine', { key: 'l' });
      await openEntities(page);
      await page.waitForSelector(sel.newEntry);
      await audit(page, 'the Entities view with a proposed entry', found);
      await page.click(`${sel.newEntry} ${sel.createEntry}`);
      await page.waitForSelector(sel.entity);
      await page.click(`${sel.entity} ${sel.entityExpand}`);
      await page.waitForSelector(sel.candidates);
      await audit(page, 'the Entities view with an entry and its proposals', found);

      await openOutlets(page);
      await page.waitForSelector(sel.quoteGroups);
      await audit(page, 'Compare outlets', found);
      await page.click(`${sel.quoteGroups} ${sel.quoteBase}:not(:checked)`);
      await audit(page, 'Compare outlets, another base', found);
      assertNone(found);
    });
  });

  test('the classroom: the make form, a class with submissions, and the student banner', { timeout: TEST_TIMEOUT }, async () => {
    const found = [];
    let exercise;
    await withAxe(async ({ page }) => {
      await openApp(page, app.server.url);
      await openArticle(page, 'munich-dispatch');
      await tag(page, 'JD Vance', { key: 'p' });
      await page.click(a11y.classroomToggle);
      await page.waitForSelector(a11y.exerciseTitle);
      await audit(page, 'the classroom make form', found);
      await page.fill(a11y.exerciseTitle, 'Munich people');
      await page.fill(a11y.exerciseInstructions, 'Tag every person.');
      await page.check(a11y.exerciseArticle('munich-dispatch'));
      await page.click(a11y.createExercise);
      await page.waitForSelector(a11y.teaching);
      exercise = await downloadFrom(page, a11y.studentsFile);
      await page.click(a11y.makeLink);
      await audit(page, 'a teacher with an exercise and no class yet', found);

      // A student opens the exercise in a fresh profile, tags and saves a submission.
      let submission;
      await withAxe(async ({ page: student }) => {
        await openApp(student, app.server.url);
        await student.setInputFiles(sel.importFile, file(exercise.name, exercise.text));
        await student.waitForSelector(a11y.banner);
        await student.waitForSelector(`${sel.openArticle('munich-dispatch')} p.para`);
        await audit(student, "the student's exercise banner", found);
        await tag(student, 'JD Vance', { key: 'p' });
        await tag(student, 'Zelenskyy', { key: 'p' });
        await student.fill(a11y.studentName, 'Ada');
        await waitForState(student, (state) => state.annotations.length === 2);
        submission = await downloadFrom(student, a11y.submit);
        await audit(student, "the student's exercise banner with a name", found);
      });
      // A second student, made from the first's file: another name and one annotation fewer.
      const other = JSON.parse(submission.text);
      other.student = 'Bob';
      other.annotations = other.annotations.slice(0, 1);
      await page.setInputFiles(a11y.loadSubmissions, [
        file(submission.name, submission.text),
        file('bob.submission.json', JSON.stringify(other)),
        file('broken.json', '[]'),
      ]);
      await page.waitForFunction((s) => document.querySelectorAll(s).length === 2, a11y.students);
      await page.selectOption(a11y.heatLabel, { label: 'Entities' });
      await page.waitForSelector(a11y.heat);
      await page.selectOption(a11y.reviewStudent, { label: 'Bob' });
      await audit(page, "a teacher's class with submissions, the heat map and a review", found);
    });
    assertNone(found);
  });

  test('the live region announces a tag, its deletion, undo and redo, and says the same thing twice', { timeout: TEST_TIMEOUT }, async () => {
    await withAxe(async ({ page }) => {
      await openApp(page, app.server.url);
      await openArticle(page, ARTICLE);
      const live = page.locator(a11y.live);
      assert.equal(await live.getAttribute('role'), 'status');
      assert.equal(await live.getAttribute('aria-live'), 'polite');
      const claim = await tag(page, CLAIM, { key: 'c' });
      await waitForText(page, a11y.live, 'Claim added: “Bessent argued that the presence of Americans');
      const first = await page.$eval(`${a11y.live} > *`, (e) => e.getAttribute('data-serial'));
      await page.click(`${sel.item(claim)} button`);
      await page.click(sel.deleteButton);
      await waitForText(page, a11y.live, 'Claim deleted: “Bessent argued');
      await page.click(sel.undo);
      await waitForText(page, a11y.live, 'Undone: delete claim');
      await page.click(sel.redo);
      await waitForText(page, a11y.live, 'Redone: delete claim');
      await page.click(sel.undo);
      await waitForText(page, a11y.live, 'Undone: delete claim');
      // A new element each time, so a screen reader says the same words again.
      const last = await page.$eval(`${a11y.live} > *`, (e) => e.getAttribute('data-serial'));
      assert.ok(Number(last) > Number(first), `serial ${last} after ${first}`);
      // Relabelled.
      await page.click(`${sel.item(claim)} button`);
      await page.selectOption(sel.labelSelect, 'quote');
      await waitForText(page, a11y.live, 'Relabelled as Quote: “Bessent argued');
      // An error is an alert of its own, not said a second time by the live region; an information
      // notice is said by the live region only.
      await page.setInputFiles(sel.importFile, file('broken.json', '{"not": "ours"'));
      await page.waitForSelector(sel.error);
      assert.equal(await page.getAttribute(sel.error, 'role'), 'alert');
      assert.match(await page.textContent(a11y.live), /^Relabelled as Quote/);
      const saved = await downloadFrom(page, sel.exportButton);
      await page.setInputFiles(sel.importFile, file('mine.json', saved.text));
      await page.click(sel.importMerge);
      const info = (await page.textContent(`${sel.info} span`)).trim();
      await waitForText(page, a11y.live, info);
      const own = await page.$eval(sel.info, (e) => e.closest('[aria-live], [role=alert], [role=status]')?.outerHTML ?? null);
      assert.equal(own, null, 'the information notice is not a live region of its own');
    });
  });
});
