// Browser side of the long-work cells of issue 15: a 50 MB import through the header's file input (and
// its cancel), and the export dialog's formats with 10,000 annotations; and issue 16's corpus import, each run in a new browser
// context on the shipped build. The page's own clock throughout: an init script keeps the long tasks,
// the change and click events the harness causes, and when watched elements first show.
import { contextWith, sleep } from './page.mjs';

const FILE_INPUT = 'input[type=file][data-testid=import-file]';
const READING = '[data-testid=reading]';
const PREVIEW = '[data-testid=import-preview]';
const COUNTS = 'nav[data-testid=article-list] span[data-count]';
const ARTICLES = 'nav[data-testid=article-list] li';
const EXPORT_DIALOG = '[data-testid=export-dialog]';
const EXPORT_FORMAT = `${EXPORT_DIALOG} select[data-testid=export-format]`;

/**
 * Runs before the app's scripts: keeps every long task, the in-page time of every change and click
 * event (capture phase, so before the app's own listeners), and offers `__lw.watch(name, test)`, which
 * records in `__lw.seen[name]` when `test()` first holds (`at`, from a MutationObserver, so the time the
 * DOM changed) and the task after the next frame (`frame`: when it was on screen).
 */
function longWorkInit() {
  const L = (window.__lw = { longtasks: [], changes: [], clicks: [], seen: {} });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) L.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (err) {
    L.noLongtask = String(err);
  }
  const testid = (e) => e.target?.closest?.('[data-testid]')?.getAttribute('data-testid') ?? null;
  // Each also a performance mark, `lw:<event> <test id>`, which a trace shows (task-trace.mjs).
  const keep = (into, type) => (e) => {
    const id = testid(e);
    into.push({ at: performance.now(), testid: id });
    performance.mark(`lw:${type} ${id}`);
  };
  document.addEventListener('change', keep(L.changes, 'change'), true);
  document.addEventListener('click', keep(L.clicks, 'click'), true);
  L.watch = (name, test) =>
    new Promise((done) => {
      const seen = (L.seen[name] = { at: null, frame: null });
      const check = () => {
        if (seen.at !== null || !test()) return false;
        seen.at = performance.now();
        performance.mark(`lw:seen ${name}`);
        requestAnimationFrame(() =>
          setTimeout(() => {
            seen.frame = performance.now();
            done(seen);
          }),
        );
        return true;
      };
      if (check()) return;
      const observer = new MutationObserver(() => check() && observer.disconnect());
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
}

/** A new context and page with the init script; page.errors collects the page's errors. */
function openPage(browser) {
  return contextWith(browser, longWorkInit, undefined, { timeout: 120_000 });
}

/** The app at `base`, its article on screen, the worker started and the page quiet again. */
async function openApp(page, base) {
  await page.goto(base);
  await page.waitForSelector('article[data-testid=article-text] p.para');
  // The worker starts once the page is idle after its first paint: let it, so no run pays for it.
  await sleep(1500);
}

/**
 * {count, longest, sum, tasks} of the long tasks that ran in [from, to): started before `to` and ended
 * after `from`, so that the task of the event at `from` (which began a little before its listener saw
 * it) counts too.
 */
export function tasksIn(tasks, from, to) {
  const inside = tasks.filter((t) => t.start < to && t.start + t.duration > from);
  return {
    count: inside.length,
    longest: inside.reduce((m, t) => Math.max(m, t.duration), 0),
    sum: inside.reduce((s, t) => s + t.duration, 0),
    tasks: inside.map((t) => ({ start: Math.round(t.start - from), duration: Math.round(t.duration) })),
  };
}

/** Long tasks are reported after they end: a frame and a pause, then all of them. */
async function allLongTasks(page) {
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 300))));
  return page.evaluate(() => window.__lw.longtasks);
}

/** What the workspace shows: the article list's counts, the header's total, and what dialogs are open. */
function workspaceView(page) {
  return page.evaluate(
    ({ counts, preview, reading }) => ({
      counts: [...document.querySelectorAll(counts)].map((e) => `${e.getAttribute('data-count')}=${e.textContent.trim()}`),
      total: document.querySelector('button[data-testid=export]')?.textContent.trim() ?? null,
      preview: !!document.querySelector(preview),
      reading: !!document.querySelector(reading),
      saved: localStorage.getItem('news-annotator/state'),
    }),
    { counts: COUNTS, preview: PREVIEW, reading: READING },
  );
}

/**
 * One big import: opens the app, hands `file` (a path) to the header's file input and measures, from the
 * input's change event (page clock, ms): `readingAt`/`readingFrame` (the progress notice in the DOM / on
 * screen), `previewAt`/`previewFrame` (the import preview), and the long tasks between the change and the
 * preview. With `tracer` ({start, stop}, see task-trace.mjs), the run is traced and `trace` holds what its long
 * tasks were made of.
 */
export async function bigImport(browser, base, file, { tracer = null } = {}) {
  const { context, page } = await openPage(browser);
  try {
    await openApp(page, base);
    const out = await importToPreview(page, file, tracer);
    if (page.errors.length) out.pageErrors = page.errors.slice(0, 3);
    return out;
  } finally {
    await context.close().catch(() => {});
  }
}

/** Hands `file` to the file input and measures until the import preview is on screen (see bigImport). */
async function importToPreview(page, file, tracer) {
  await page.evaluate(
    ({ reading, preview }) => {
      const L = window.__lw;
      L.readingSeen = L.watch('reading', () => !!document.querySelector(reading));
      L.previewSeen = L.watch('preview', () => !!document.querySelector(preview));
    },
    { reading: READING, preview: PREVIEW },
  );
  if (tracer) await tracer.start(page);
  await page.setInputFiles(FILE_INPUT, file);
  const seen = await page.evaluate(async () => {
    const L = window.__lw;
    const [reading, preview] = await Promise.all([L.readingSeen, L.previewSeen]);
    return { reading, preview, change: L.changes.find((c) => c.testid === 'import-file')?.at ?? null };
  });
  const trace = tracer ? await tracer.stop(page) : undefined;
  if (seen.change === null) throw new Error('no change event on the file input');
  const tasks = await allLongTasks(page);
  const t0 = seen.change;
  const out = {
    readingAt: seen.reading.at - t0,
    readingFrame: seen.reading.frame - t0,
    previewAt: seen.preview.at - t0,
    previewFrame: seen.preview.frame - t0,
    longTasks: tasksIn(tasks, t0, seen.preview.frame),
    summary: await page.textContent(PREVIEW).then((t) => t.replace(/\s+/g, ' ').trim().slice(0, 160)),
  };
  if (trace) out.trace = trace;
  return out;
}

/**
 * Issue 16's corpus import: the file given to the header's input until the preview is on screen, then
 * a real click on Merge. When storage refuses and offers a part, a click on that offer, and Merge again.
 * Each click is a step: from its click event until what it leads to is on screen, with its long tasks.
 * Returns {previewFrame, longTasks, steps: [{name, frame, outcome, longTasks}], kept}.
 */
export async function corpusImport(browser, base, file, texts) {
  const { context, page } = await openPage(browser);
  try {
    await openApp(page, base);
    const out = await importToPreview(page, file, null);
    const before = await page.locator(ARTICLES).count();
    const merged = (want) => () => document.querySelectorAll(want.list).length >= want.count || !!document.querySelector(want.refused);
    out.steps = [];
    let step = await corpusStep(page, 'Merge', 'import-merge', merged, { list: ARTICLES, count: before + texts, refused: REFUSED });
    out.steps.push(step);
    const offer = await page.$(SUBSET);
    if (step.outcome !== 'applied' && offer) {
      out.kept = Number((await offer.textContent()).match(/first (\d+) of/)?.[1]);
      out.steps.push(await corpusStep(page, `Keep the first ${out.kept} texts`, 'import-subset', (want) => () => !document.querySelector(want.refused), { refused: REFUSED }));
      step = await corpusStep(page, `Merge of those ${out.kept} texts`, 'import-merge', merged, { list: ARTICLES, count: before + out.kept, refused: REFUSED });
      out.steps.push(step);
    }
    out.merge = { longTasks: { longest: Math.max(...out.steps.map((x) => x.longTasks.longest)) }, outcome: step.outcome };
    if (page.errors.length) out.pageErrors = page.errors.slice(0, 3);
    return out;
  } finally {
    await context.close().catch(() => {});
  }
}

const REFUSED = '[data-testid=import-refused]';
const SUBSET = '[data-testid=import-subset]';

/**
 * A real click on the element with `testid`, timed from its click event until `test(want)` holds and
 * is on screen; with the long tasks in between, and what came of it ('applied', or the refusal's words).
 */
async function corpusStep(page, name, testid, test, want) {
  const clicks = await page.evaluate(() => window.__lw.clicks.length);
  await page.evaluate(({ name, test, want }) => {
    window.__lw.stepSeen = window.__lw.watch(name, new Function('want', `return (${test})(want)`)(want));
  }, { name, test: test.toString(), want });
  await page.click(`[data-testid=${testid}]`);
  const seen = await page.evaluate(async (clicks) => {
    const L = window.__lw;
    const shown = await L.stepSeen;
    return { shown, click: L.clicks[clicks]?.at ?? null };
  }, clicks);
  const tasks = await allLongTasks(page);
  const refused = await page.$(REFUSED);
  return {
    name,
    frame: seen.shown.frame - seen.click,
    outcome: refused ? (await refused.innerText()).replace(/\s+/g, ' ').trim().slice(0, 240) : 'applied',
    longTasks: tasksIn(tasks, seen.click, seen.shown.frame),
  };
}

/**
 * The cancelled big import: as bigImport, but a real click on the notice's Cancel as soon as it shows;
 * then `waitMs` (past when the worker's answer would have come) and the workspace compared with what it
 * was before the file was given. Returns {unchanged, before, after, cancelAt, longTasks, …}.
 */
export async function bigImportCancelled(browser, base, file, { waitMs }) {
  const { context, page } = await openPage(browser);
  try {
    await openApp(page, base);
    const before = await workspaceView(page);
    await page.evaluate((reading) => {
      window.__lw.readingSeen = window.__lw.watch('reading', () => !!document.querySelector(reading));
    }, READING);
    await page.setInputFiles(FILE_INPUT, file);
    // A real click, as soon as the notice can take it; none if the import was over first.
    const clicked = await page.click('[data-testid=reading-cancel]', { timeout: 60_000 }).then(() => true, () => false);
    const seen = await page.evaluate(async () => {
      const L = window.__lw;
      const reading = await L.readingSeen;
      return { reading, change: L.changes.find((c) => c.testid === 'import-file')?.at ?? null, cancel: L.clicks.find((c) => c.testid === 'reading-cancel')?.at ?? null };
    });
    await sleep(waitMs);
    const after = await workspaceView(page);
    const tasks = await allLongTasks(page);
    const t0 = seen.change ?? 0;
    const same = (k) => JSON.stringify(before[k]) === JSON.stringify(after[k]);
    const out = {
      readingAt: seen.reading.at - t0,
      cancelAt: seen.cancel === null ? null : seen.cancel - t0,
      clicked,
      waitedMs: waitMs,
      unchanged: same('counts') && same('total') && same('saved') && !after.preview && !after.reading,
      before: { counts: before.counts, total: before.total, saved: before.saved?.length ?? null },
      after: { counts: after.counts, total: after.total, saved: after.saved?.length ?? null, preview: after.preview, reading: after.reading },
      longTasks: tasksIn(tasks, t0, Infinity),
    };
    if (page.errors.length) out.pageErrors = page.errors.slice(0, 3);
    return out;
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * One big export: imports `file` (native, `count` annotations) with the import dialog's Merge, waits for
 * the header's total, opens the export dialog (the first format's preview timed from the click) and then
 * picks each other format of the select in turn (timed from its change event): [{format, previewMs,
 * longTasks}] in the page's clock, and the import's own time (not part of the bar).
 */
export async function bigExport(browser, base, file, count, { tracer = null } = {}) {
  const { context, page } = await openPage(browser);
  try {
    await openApp(page, base);
    await page.setInputFiles(FILE_INPUT, file);
    await page.click(`${PREVIEW} [data-testid=import-merge]`);
    await page.waitForFunction((n) => document.querySelector('button[data-testid=export]')?.textContent.includes(`(${n})`), count, { polling: 100, timeout: 120_000 });
    await sleep(1000);
    const formats = [];
    const measure = async (format, open) => {
      const t = await page.evaluate(
        ({ dialog, open, key, select }) => {
          const L = window.__lw;
          // Ready: the dialog said it was writing the new file (each new job shows that), and now
          // shows a preview instead. The first render after a change can still show the previous
          // format's preview, before the loading notice: that one does not count.
          let started = false;
          let loading = false;
          const ready = () => {
            const d = document.querySelector(dialog);
            if (!started || !d) return false;
            if (d.querySelector('[data-testid=export-loading]')) loading = true;
            return loading && !!d.querySelector('[data-testid=export-preview]') && !d.querySelector('[data-testid=export-loading]');
          };
          const t0 = performance.now();
          performance.mark(`lw:export ${key}`);
          const seen = L.watch(`export-${key}`, ready);
          started = true;
          if (open) document.querySelector('button[data-testid=export-open]').click();
          else {
            const s = document.querySelector(select);
            s.value = key;
            s.dispatchEvent(new Event('change', { bubbles: true }));
          }
          return seen.then((x) => ({ t0, at: x.at, frame: x.frame }));
        },
        { dialog: EXPORT_DIALOG, open, key: format, select: EXPORT_FORMAT },
      );
      const tasks = await allLongTasks(page);
      const shown = await page.evaluate((dialog) => {
        const d = document.querySelector(dialog);
        return { previewChars: d.querySelector('[data-testid=export-preview]').textContent.length, droppedLines: d.querySelectorAll('[data-testid=export-dropped] li').length };
      }, EXPORT_DIALOG);
      formats.push({ format, previewMs: t.frame - t.t0, inDomMs: t.at - t.t0, longTasks: tasksIn(tasks, t.t0, t.frame), ...shown });
    };
    if (tracer) await tracer.start(page);
    await measure('(opened)', true);
    const keys = await page.$$eval(`${EXPORT_FORMAT} option`, (os) => os.map((o) => o.value));
    const first = await page.$eval(EXPORT_FORMAT, (s) => s.value);
    formats[0].format = first;
    for (const key of keys.filter((k) => k !== first)) await measure(key, false);
    const out = { formats };
    if (tracer) out.trace = await tracer.stop(page);
    if (page.errors.length) out.pageErrors = page.errors.slice(0, 3);
    return out;
  } finally {
    await context.close().catch(() => {});
  }
}
