// End-to-end test of the classroom in the release build: a teacher makes an exercise with an answer
// key, three students (fresh browser profiles; one opens the link, two the file) annotate it with the
// real mouse and save their submissions, and the teacher loads them and reads the class table.
//
// Run: bash scripts/test.sh build node   (or, with dist/ built: node --test tests/e2e/classroom.test.mjs)
import { serveBuiltApp } from '../support/suite.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { downloadFrom, screenshot, withPage } from '../support/browser.mjs';
import { cls } from '../support/classroom.mjs';
import { openApp, openArticle, savedState, sel, tag, waitForApp, waitForState } from '../support/app.mjs';

const TEST_TIMEOUT = 180_000;
const app = serveBuiltApp();


const ARTICLE = 'munich-dispatch';
const Q1 = '“short-sighted.”';
const Q2 = '“For me, it is crucial to connect some kind of security guarantees with investment,”';

/** A file for setInputFiles from a download. */
const file = (d) => ({ name: d.name, mimeType: 'application/json', buffer: Buffer.from(d.text) });

/** A student in a fresh profile: opens the exercise (a file, or the link), tags, saves the submission. */
async function student(name, open, tags) {
  let submission;
  await withPage(app.browser, async ({ page }) => {
    if (open.link) {
      await page.goto(open.link);
      await waitForApp(page);
    } else {
      await openApp(page, app.server.url);
      await page.setInputFiles(sel.importFile, file(open.file));
    }
    await page.waitForSelector(cls.banner);
    assert.match(await page.textContent(cls.banner), /Exercise: Munich quotes/);
    assert.match(await page.textContent('[data-testid=instructions]'), /Tag every quote/);
    assert.equal(await page.isDisabled(cls.submit), true, 'no submission without a name');
    await page.waitForSelector(`${sel.openArticle(ARTICLE)} p.para`);
    for (const [text, key] of tags) await tag(page, text, { key });
    await page.fill(cls.name, name);
    await waitForState(page, (state, n) => state.annotations.length === n, tags.length);
    submission = await downloadFrom(page, cls.submit);
    // The name and the exercise survive a reload.
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.inputValue(cls.name), name);
    // A submission loaded as a student is not merged into their work.
    await page.setInputFiles(sel.importFile, file(submission));
    await page.waitForSelector('[data-testid=error]');
    assert.match(await page.textContent('[data-testid=error]'), /is a student's submission.*nothing was merged/);
    assert.equal((await savedState(page)).annotations.length, tags.length);
  });
  return submission;
}

/** The numbers of a class-table row: exact matched, missed, extra, P, R, F1, then the same for overlap. */
async function row(page, student, label) {
  return page.$$eval(`${cls.row(student, label)} td`, (tds) => tds.slice(1).map((td) => td.textContent));
}

describe('the classroom in Chromium', { timeout: TEST_TIMEOUT }, () => {
  test('an exercise with a key, three submissions made in the app, and the class table', { timeout: TEST_TIMEOUT }, async () => {
    let exercise;
    let teacherCopy;
    let link;
    const teacherContext = await app.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const teacher = await teacherContext.newPage();
    try {
      // The teacher tags the key: two quotes and a person.
      await openApp(teacher, app.server.url);
      await openArticle(teacher, ARTICLE);
      await tag(teacher, Q1, { key: 'q' });
      await tag(teacher, Q2, { key: 'q' });
      await tag(teacher, 'JD Vance', { key: 'p' });
      await teacher.click(cls.toggle);
      await teacher.fill(cls.title, 'Munich quotes');
      await teacher.fill(cls.instructions, 'Tag every quote and every person named.');
      await teacher.check(cls.article(ARTICLE));
      await teacher.uncheck(cls.label('claim'));
      await teacher.click(cls.create);
      await teacher.waitForSelector(cls.teaching);
      assert.match(await teacher.textContent(cls.teaching), /an answer key of 3 spans/);
      exercise = await downloadFrom(teacher, cls.studentsFile);
      teacherCopy = await downloadFrom(teacher, cls.teacherFile);
      assert.equal(exercise.name, 'munich-quotes.exercise.json');
      assert.equal(teacherCopy.name, 'munich-quotes.teacher.exercise.json');
      assert.ok(!exercise.text.includes('"key"'), "the students' copy has no key");
      assert.equal(JSON.parse(teacherCopy.text).key.length, 3);
      await teacher.click(cls.makeLink);
      link = await teacher.inputValue(cls.link);
      assert.ok(link.startsWith(`${app.server.url}`) && link.includes('#exercise='), link);

      // Three students: two open the file, one the link.
      const ada = await student('Ada', { file: exercise }, [[Q1, 'q'], ['JD Vance', 'p']]);
      const bob = await student('Bob', { file: exercise }, [[Q1, 'q'], ['“colonial agreement”', 'q']]);
      const cy = await student('Cy', { link }, [['For me, it is crucial', 'q'], ['Vance', 'p']]);
      assert.equal(ada.name, 'ada--munich-quotes.submission.json');

      // The teacher loads them, with a duplicate name and a file that is not a submission.
      const again = { ...ada, name: 'ada-again.submission.json' };
      await teacher.setInputFiles(cls.loadSubmissions, [ada, bob, cy, again, exercise].map(file));
      await teacher.waitForFunction((s) => document.querySelectorAll(s).length === 3, cls.students);
      await teacher.waitForFunction((s) => document.querySelectorAll(s).length === 2, cls.problems);
      const problems = await teacher.$$eval(cls.problems, (li) => li.map((l) => l.textContent));
      assert.match(problems[0], /^ada-again\.submission\.json: “Ada” is already in the class from ada--munich-quotes\.submission\.json/);
      assert.match(problems[1], /^munich-quotes\.exercise\.json: it is an exercise, not a submission/);

      // Hand-worked: Ada found Q1 and Vance; Bob Q1 and an extra quote; Cy part of Q2 and part of "JD Vance".
      assert.deepEqual(await row(teacher, 'Ada', 'quote'), ['1', '1', '0', '1.000', '0.500', '0.667', '1', '1', '0', '1.000', '0.500', '0.667']);
      assert.deepEqual(await row(teacher, 'Ada', 'entity'), ['1', '0', '0', '1.000', '1.000', '1.000', '1', '0', '0', '1.000', '1.000', '1.000']);
      assert.deepEqual(await row(teacher, 'Bob', 'quote'), ['1', '1', '1', '0.500', '0.500', '0.500', '1', '1', '1', '0.500', '0.500', '0.500']);
      assert.deepEqual(await row(teacher, 'Bob', 'entity'), ['0', '1', '0', '', '0.000', '0.000', '0', '1', '0', '', '0.000', '0.000']);
      assert.deepEqual(await row(teacher, 'Cy', 'quote'), ['0', '2', '1', '0.000', '0.000', '0.000', '1', '1', '0', '1.000', '0.500', '0.667']);
      assert.deepEqual(await row(teacher, 'Cy', 'entity'), ['0', '1', '1', '0.000', '0.000', '0.000', '1', '0', '0', '1.000', '1.000', '1.000']);
      const csv = await downloadFrom(teacher, cls.csv);
      assert.equal(csv.name, 'munich-quotes-class-table.csv');
      assert.ok(csv.text.includes('Cy,cy--munich-quotes.submission.json,quote,overlap,1,1,0,1.000,0.500,0.667\r\n'), csv.text);

      // The heat map: Q1 was tagged by two of three students.
      const counts = await teacher.$$eval(cls.heat, (m) => m.map((x) => [x.textContent, x.dataset.count]));
      assert.deepEqual(counts.find(([text]) => text === Q1), [Q1, '2']);

      // Cy against the key (overlap): one match each, Q1 missed; clicking the miss shows it in the text.
      await teacher.selectOption(cls.reviewStudent, { label: 'Cy' });
      await teacher.waitForFunction((s) => document.querySelectorAll(s).length === 1, cls.misses);
      assert.match(await teacher.textContent(cls.misses), /short-sighted/);
      assert.equal((await teacher.$$(cls.matches)).length, 2);
      await teacher.click(cls.misses);
      await teacher.waitForSelector('[data-testid=review-text] mark.miss.flash');
      await screenshot(teacher, 'classroom-teacher');

      // Printing shows Cy's feedback page only: the scores and the three lists, not the class table.
      await teacher.emulateMedia({ media: 'print' });
      const shown = (s) => teacher.$eval(s, (e) => getComputedStyle(e).visibility === 'visible' && e.getBoundingClientRect().height > 0);
      assert.equal(await shown('[data-testid=feedback] .print-only'), true);
      assert.match(await teacher.textContent('[data-testid=feedback] .print-only'), /Feedback for Cy · Munich quotes/);
      assert.equal(await shown('[data-testid=class-table]'), false);
      assert.equal(await shown('[data-testid=exercise-link]'), false);
      await teacher.emulateMedia({ media: 'screen' });

      // Nothing was merged into the teacher's own work.
      assert.equal((await savedState(teacher)).annotations.length, 3);
    } finally {
      await teacherContext.close();
    }
  });
});
