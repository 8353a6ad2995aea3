// One measurement of one side: a fresh browser context, the fixture loaded through the page's URL, then
// what a cell measures. Each function returns plain data (see run.mjs for how runs are interleaved).
import { addTargets } from './fixture-info.mjs';
import { freshPage, frames, longTasks, memory, pageNow, sleep, wheelThrough } from './page.mjs';

const SETTLE_MS = 500;

/** Load `fixture` in a fresh context; run `then(page, loaded)` on it; always close the context. */
async function withLoaded(browser, base, side, fixture, then) {
  const { context, page } = await freshPage(browser);
  try {
    const responses = [];
    page.on('response', (r) => responses.push(new URL(r.url()).pathname));
    await page.goto(side.url(base, fixture.name), { waitUntil: 'commit' });
    const ready = await side.ready(page, fixture);
    await sleep(SETTLE_MS);
    const loadTasks = await longTasks(page, 0, ready.painted + SETTLE_MS);
    const out = await then(page, { ...ready, loadTasks, responses });
    if (page.errors.length) out.pageErrors = page.errors.slice(0, 5);
    return out;
  } finally {
    await context.close().catch(() => {});
  }
}

/** First render (+ long tasks while loading); with `apiCalls`, also save/export/restore timings. */
export function firstRender(browser, base, side, fixture, { apiCalls = 0 } = {}) {
  return withLoaded(browser, base, side, fixture, async (page, loaded) => {
    const out = {
      painted: loaded.painted,
      complete: loaded.complete,
      loadTasks: loaded.loadTasks,
      highlights: loaded.highlights,
      responses: loaded.responses,
    };
    if (apiCalls > 0) out.api = await side.api(page, apiCalls);
    return out;
  });
}

/**
 * Interaction run: one unmeasured add and undo, memory, `adds` annotations made with the mouse (and `c` for ours), their
 * undo, memory again; then, with `scroll`, a wheel scroll through the whole document.
 */
export function interact(browser, base, side, fixture, { adds = 20, scroll = false, measureMemory = true } = {}) {
  return withLoaded(browser, base, side, fixture, async (page, loaded) => {
    const cdp = await page.context().newCDPSession(page);
    const out = { painted: loaded.painted };
    // One unmeasured add and its undo first, so that what is allocated once (the toolbar, the detail
    // panel, the harness's own observers) is not counted as growth.
    const all = addTargets(fixture, adds + 1);
    const targets = all.slice(0, adds);
    const first = all[adds];
    await side.add(page, first.line, first.a, first.b);
    await side.undo(page, 1);
    await sleep(200);
    if (measureMemory) out.memoryBefore = await memory(page, cdp);
    const before = JSON.stringify(await side.state(page, targets.map((t) => t.line)));

    const from = await pageNow(page);
    out.adds = [];
    for (const t of targets) {
      out.adds.push(await side.add(page, t.line, t.a, t.b));
      await sleep(100);
    }
    const to = await pageNow(page);
    out.addTasks = await longTasks(page, from, to);

    await side.undo(page, adds);
    await sleep(SETTLE_MS);
    // Did the undo bring back exactly what was there?
    out.undoneAll = JSON.stringify(await side.state(page, targets.map((t) => t.line))) === before;
    if (measureMemory) out.memoryAfter = await memory(page, cdp);

    if (scroll) {
      await frames(page, 2);
      const s = await wheelThrough(page, side.scrollOver);
      out.scroll = { frames: s.frames, steps: s.steps, height: s.height, tasks: await longTasks(page, s.from, s.to) };
    }
    return out;
  });
}
