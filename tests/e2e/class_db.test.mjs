// End-to-end test of a class on a database (issue 17) in the release build, against a real
// CouchDB-compatible server (pouchdb-server on loopback, reached by the page at /couchdb/): a teacher
// makes an exercise that names the class database; 30 students with 200 annotations each hand in
// (27 at the protocol level as the app would, 3 in fresh browser profiles through the real UI); the
// teacher's Classroom follows the database live, and its tables match the ones made from the same work
// loaded as files. A student writing a classmate's submission is refused; a signed-out reader gets
// nothing.
//
// Run: bash scripts/test.sh build node   (or, with dist/ built: node --test tests/e2e/class_db.test.mjs)
import { serveBuiltApp } from '../support/suite.mjs';
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { downloadFrom } from '../support/browser.mjs';
import { openApp, openArticle, savedState, sel, tag, waitForState } from '../support/app.mjs';
import { loadSeeds } from '../support/paths.mjs';
import { couchRequest } from '../support/couch.mjs';
import { OWNERS_ONLY } from '../support/sync.mjs';
import { cls } from '../support/classroom.mjs';
import { nativeFile, signedIn, studentRecords, submissionFile } from '../support/class_work.mjs';

const TEST_TIMEOUT = 600_000;
const ARTICLE = 'munich-dispatch';
const CLASS = 'class-7a';
const TEACHER = { user: 'smith', password: 'smith-Secret-1' };
const PER_STUDENT = 200;
const STUDENTS = Array.from({ length: 30 }, (_, i) => {
  const n = String(i + 1).padStart(2, '0');
  return { n: i + 1, user: `s${n}`, password: `s${n}-Secret`, name: `Student ${n}` };
});
const IN_THE_APP = STUDENTS.slice(0, 3);
const BY_PROTOCOL = STUDENTS.slice(3);
// Longer than any generated span (at most three words), so a tag by hand never repeats one.
const BY_HAND = 'the proposal overly favored U.S. interests';
const LATER = 'lacked concrete security guarantees for Ukraine';


const app = serveBuiltApp({ couch: true });

/** A JSON file for setInputFiles. */
const jsonFile = (name, value) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value, null, 2)),
});

/** Waits until `selector`'s text matches `pattern`; the error says what it shows instead. */
async function waitForText(page, selector, pattern, timeout = 30_000) {
  await page
    .waitForFunction(({ s, p }) => new RegExp(p).test(document.querySelector(s)?.textContent ?? ''), { s: selector, p: pattern.source }, { timeout })
    .catch(async (e) => {
      const shown = await page.textContent(selector).catch(() => '(nothing)');
      throw new Error(`${selector} never matched ${pattern}; it says "${shown}" (${e.message})`);
    });
}

/** Signs in through the class's sign-in fields of `page`. */
async function signIn(page, user, password) {
  await page.fill(cls.signName, user);
  await page.fill(cls.signPassword, password);
  await page.click(cls.signIn);
}

/** The text of the teacher's class tables, to compare two classes. */
async function tables(page) {
  return Promise.all(cls.tables.map((s) => page.$eval(s, (e) => e.innerText)));
}

/** The students listed in the teacher's class, as "Name · N spans". */
async function listed(page) {
  return page.$$eval(cls.students, (li) => li.map((l) => l.textContent));
}

/** Waits until the class lists `count` students, the one named `name` with `spans` spans. */
async function waitForStudent(page, count, name, spans) {
  await page
    .waitForFunction(
      ({ s, count, want }) => {
        const items = [...document.querySelectorAll(s)].map((l) => l.textContent);
        return items.length === count && items.includes(want);
      },
      { s: cls.students, count, want: `${name} · ${spans} spans` },
      { timeout: 60_000 },
    )
    .catch(async (e) => {
      throw new Error(`the class never listed ${count} students with "${name} · ${spans} spans": ${JSON.stringify(await listed(page))} (${e.message})`);
    });
}

/**
 * A student in a fresh profile: opens the exercise, signs in where the exercise bar asks, types their
 * name, loads their earlier work (a native export of PER_STUDENT - 1 annotations) and tags one more
 * with the mouse; their work is handed in as they go.
 */
async function studentInTheApp(s, exercise, seed) {
  const context = await app.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await openApp(page, app.server.url);
  await page.setInputFiles(sel.importFile, jsonFile('munich-live.exercise.json', exercise));
  await page.waitForSelector(cls.banner);
  await waitForText(page, cls.handIn, /sign in first/);
  await signIn(page, s.user, s.password);
  await waitForText(page, cls.handIn, new RegExp(`handed in as ${s.user} at`));
  await page.fill(cls.name, s.name);
  const earlier = studentRecords(ARTICLE, seed.chars, s.n, PER_STUDENT - 1);
  await page.setInputFiles(sel.importFile, jsonFile(`${s.user}-earlier.json`, nativeFile(exercise, earlier)));
  await page.waitForSelector(sel.importPreview, { state: 'visible' });
  await page.click(sel.importMerge);
  await waitForState(page, (state, n) => state.annotations.length === n, PER_STUDENT - 1);
  await openArticle(page, ARTICLE);
  await tag(page, BY_HAND, { key: 'q' });
  return { context, page };
}

describe('a class on a CouchDB database in Chromium', () => {
  before(async () => {
    await app.couch.admin.createUser(TEACHER.user, TEACHER.password, ['teacher']);
    for (const s of STUDENTS) await app.couch.admin.createUser(s.user, s.password, [CLASS]);
    await app.couch.admin.createDb(CLASS, { admins: [TEACHER.user], memberRoles: [CLASS] });
    const owner = await app.couch.admin.request(`${CLASS}/_design/owner`, { method: 'PUT', body: { validate_doc_update: OWNERS_ONLY } });
    assert.equal(owner.status, 201, JSON.stringify(owner.body));
  });

  test('30 students with 200 annotations each hand in as they work; the teacher follows them live, and the tables match the same work loaded as files', { timeout: TEST_TIMEOUT }, async () => {
    const teacherContext = await app.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const teacher = await teacherContext.newPage();
    const inTheApp = [];
    try {
      // The teacher's key and the exercise naming the class database.
      await openApp(teacher, app.server.url);
      await openArticle(teacher, ARTICLE);
      await tag(teacher, BY_HAND, { key: 'q' });
      await tag(teacher, 'JD Vance', { key: 'p' });
      await teacher.click(cls.toggle);
      await teacher.fill(cls.title, 'Munich live');
      await teacher.check(cls.article(ARTICLE));
      await teacher.uncheck(cls.label('claim'));
      await teacher.fill(cls.classDb, CLASS);
      await teacher.click(cls.create);
      await teacher.waitForSelector(cls.teaching);
      const exercise = JSON.parse((await downloadFrom(teacher, cls.studentsFile)).text);
      const teacherCopy = await downloadFrom(teacher, cls.teacherFile);
      assert.deepEqual(exercise.class_database, { server: '/couchdb', db: CLASS });
      assert.equal(exercise.key, undefined, "the students' copy has no key");

      // Signed out, the teacher reads nothing and is told why; signed in, the class is followed.
      await waitForText(teacher, cls.follow, /not through: sign in first/);
      await signIn(teacher, TEACHER.user, TEACHER.password);
      await waitForText(teacher, cls.follow, /following; the last new work read at/);

      const seed = loadSeeds().find((a) => a.id === ARTICLE);
      assert.equal(seed.sha256, exercise.articles[0].sha256, 'the generated work is on the text the app has');

      // Three students in the app.
      for (const s of IN_THE_APP) inTheApp.push(await studentInTheApp(s, exercise, seed));

      // 27 at the protocol level, each signed in as themselves, writing the document the app writes.
      const files = new Map();
      for (const s of BY_PROTOCOL) {
        const file = submissionFile(exercise, s.name, studentRecords(ARTICLE, seed.chars, s.n, PER_STUDENT));
        files.set(s.user, JSON.stringify(file, null, 2));
        const as = await signedIn(app.couch.url, s.user, s.password);
        const id = `submission:${exercise.id}:${s.user}`;
        const put = await as(`${CLASS}/${encodeURIComponent(id)}`, { method: 'PUT', body: { type: 'submission', owner: s.user, file } });
        assert.equal(put.status, 201, `${s.user}: ${JSON.stringify(put.body)}`);
      }

      // A student writing a classmate's submission is refused; a signed-out reader gets nothing.
      const s04 = await signedIn(app.couch.url, 's04', 's04-Secret');
      const forged = await s04(`${CLASS}/${encodeURIComponent(`submission:${exercise.id}:s05`)}`);
      assert.equal(forged.status, 200, 'a member reads the class (CouchDB has no per-document read rule)');
      const overwrite = await s04(`${CLASS}/${encodeURIComponent(forged.body._id)}`, {
        method: 'PUT',
        body: { ...forged.body, file: { ...forged.body.file, annotations: [] } },
      });
      assert.equal(overwrite.status, 403, JSON.stringify(overwrite.body));
      assert.match(overwrite.body.reason, /only your own documents/);
      const outsider = await couchRequest(app.couch.url, `${CLASS}/_all_docs`);
      assert.equal(outsider.status, 401, 'a signed-out reader is refused');

      // The teacher's class fills without loading a file: all 30, each with 200 spans.
      for (const s of STUDENTS) await waitForStudent(teacher, 30, s.name, PER_STUDENT);

      // A student's next tag reaches the teacher's open class.
      const first = inTheApp[0].page;
      await tag(first, LATER, { key: 'q' });
      await waitForText(first, cls.handIn, /handed in as s01 at/);
      await waitForStudent(teacher, 30, 'Student 01', PER_STUDENT + 1);
      const live = await tables(teacher);
      assert.match(live[0], /Student 01[\s\S]*Student 30/, 'the class table holds the whole class');
      assert.equal((await savedState(teacher)).annotations.length, 2, "nothing of the class reaches the teacher's own annotations");

      // The same work as files, loaded by the teacher in another browser: the same tables.
      for (const [i, s] of IN_THE_APP.entries()) {
        files.set(s.user, (await downloadFrom(inTheApp[i].page, cls.submit)).text);
      }
      const other = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await other.newPage();
        await openApp(page, app.server.url);
        await page.click(cls.toggle);
        await page.setInputFiles(cls.openTeacherCopy, jsonFile(teacherCopy.name, teacherCopy.text));
        await page.waitForSelector(cls.teaching);
        await page.setInputFiles(cls.loadSubmissions, STUDENTS.map((s) => jsonFile(`${s.user}.submission.json`, files.get(s.user))));
        await waitForStudent(page, 30, 'Student 01', PER_STUDENT + 1);
        assert.deepEqual(await tables(page), live);
      } finally {
        await other.close();
      }
    } finally {
      for (const s of inTheApp) await s.context.close();
      await teacherContext.close();
    }
  });
});
