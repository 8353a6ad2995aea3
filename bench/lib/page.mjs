// Browser side of the benchmark: Chromium with the project's flags, a fresh context per run, the
// instrumentation every page gets before its own scripts, and helpers that act like a person (mouse
// selections, the wheel) or read the browser's own numbers (Event Timing, long tasks, CDP metrics).
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/support/browser.mjs';

/** The flags of tests/support/browser.mjs, plus an immediate performance.measureUserAgentSpecificMemory. */
export const BENCH_ARGS = [...CHROMIUM_ARGS, '--enable-blink-features=ForceEagerMeasureMemory'];

export async function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run scripts/setup.sh (installs Debian chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: BENCH_ARGS, headless: true });
}

/**
 * Runs in every page before its scripts. Collects Event Timing entries (durationThreshold 16, the
 * minimum) and long tasks from the start, marks 'painted' after the app's 'news-annotator:rendered'
 * mark (requestAnimationFrame, then setTimeout: the task after the frame that painted it), keeps the
 * wasm memory that Trunk's loader reports, and offers frame-time recording.
 */
function instrument() {
  const B = (window.__bench = { events: [], longtasks: [], renderedAt: null, paintedAt: null, wasmMemory: null });
  const keep = (type, into, map, extra = {}) => {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) into.push(map(e));
      }).observe({ type, buffered: true, ...extra });
    } catch (err) {
      B[`no_${type}`] = String(err);
    }
  };
  const ev = (e) => ({
    name: e.name,
    start: e.startTime,
    duration: e.duration,
    processingStart: e.processingStart,
    processingEnd: e.processingEnd,
    interactionId: e.interactionId ?? 0,
  });
  keep('event', B.events, ev, { durationThreshold: 16 });
  keep('first-input', B.events, (e) => ({ ...ev(e), first: true }));
  keep('longtask', B.longtasks, (e) => ({ start: e.startTime, duration: e.duration }));

  const mark = performance.mark.bind(performance);
  const onRendered = (how) => {
    if (B.renderedAt !== null) return;
    B.renderedAt = performance.now();
    B.renderedHow = how;
    requestAnimationFrame(() =>
      setTimeout(() => {
        B.paintedAt = performance.now();
        mark('painted');
      }),
    );
  };
  // The app marks 'news-annotator:rendered' after every draw of the open article, with the article's id
  // as the mark's detail; the first render is the first such mark for the fixture's article ("bench").
  const benchDrawn = (detail) => detail === 'bench' && !!document.querySelector('article[data-testid=article-text] p.para');
  performance.mark = function (name, ...rest) {
    const entry = mark(name, ...rest);
    if (name === 'news-annotator:rendered' && benchDrawn(rest[0]?.detail)) onRendered('mark');
    return entry;
  };
  // In case the app reaches performance.mark some other way than through the object's property.
  keep('mark', [], (e) => {
    if (e.name === 'news-annotator:rendered' && benchDrawn(e.detail)) onRendered('observer');
    return null;
  });
  addEventListener('TrunkApplicationStarted', (e) => {
    B.wasmMemory = e.detail?.wasm?.memory ?? null;
  });

  /** Start recording requestAnimationFrame deltas; returns a function that stops and returns them. */
  B.recordFrames = () => {
    const frames = [];
    let last = null;
    let on = true;
    const tick = (ts) => {
      if (last !== null) frames.push({ at: ts, delta: ts - last });
      last = ts;
      if (on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    B.stopFrames = () => {
      on = false;
      return frames;
    };
  };

  /**
   * Our app: resolves with {t0, detected, painted} for the next annotation made in the paragraph that
   * starts at code point `paraStart`: t0 is the next keydown's timeStamp, `detected` when the paragraph's
   * DOM has changed and claim pieces cover [startCp, endCp) (pieces carry their first code point in
   * `data-s`; without it, any change counts), `painted` the task after the frame that painted it
   * (requestAnimationFrame, then setTimeout, as for the first render).
   */
  B.armOurAdd = (paraStart, startCp, endCp, timeoutMs = 10000) =>
    new Promise((ok) => {
      const article = document.querySelector('article[data-testid=article-text]');
      const para = () => article.querySelector(`p.para[data-start="${paraStart}"]`);
      const before = para()?.innerHTML;
      const covered = (p) => {
        const pieces = [...p.querySelectorAll('span.seg.hl')];
        if (!pieces.some((e) => e.hasAttribute('data-s'))) return true;
        const spans = pieces
          .filter((e) => e.classList.contains('claim'))
          .map((e) => {
            const s = Number(e.getAttribute('data-s'));
            return [s, s + [...e.textContent].length];
          })
          .sort((x, y) => x[0] - y[0]);
        let at = startCp;
        for (const [s, e] of spans) if (s <= at && e > at) at = e;
        return at >= endCp;
      };
      let t0 = null;
      addEventListener('keydown', (e) => (t0 = e.timeStamp), { capture: true, once: true });
      let done = false;
      const finish = (result) => {
        if (done) return;
        done = true;
        observer.disconnect();
        ok(result);
      };
      const observer = new MutationObserver(() => {
        const p = para();
        if (!p || p.innerHTML === before || !covered(p)) return;
        const detected = performance.now();
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => finish({ t0, detected, painted: performance.now() })));
      });
      observer.observe(article, { subtree: true, childList: true, attributes: true, characterData: true });
      setTimeout(() => finish({ t0, timeout: true }), timeoutMs);
    });
}

/**
 * A new context (an empty profile, or `storageState`) and page with the init script `init(arg)`
 * installed; `page.errors` collects the page's errors.
 */
export async function contextWith(browser, init, arg, { storageState, timeout = 60_000 } = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'UTC',
    ...(storageState ? { storageState } : {}),
  });
  context.setDefaultTimeout(timeout);
  await context.addInitScript(init, arg);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(String(err?.stack ?? err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/favicon/.test(msg.location()?.url ?? '')) page.errors.push(`console.error: ${msg.text()}`);
  });
  return { context, page };
}

/** A fresh context (empty localStorage) and page with the instrumentation installed. */
export function freshPage(browser) {
  return contextWith(browser, instrument);
}

/** Wait until the page has marked 'painted'; returns its startTime (ms since navigation start). */
export async function waitPainted(page, timeout = 120_000) {
  await page.waitForFunction(() => performance.getEntriesByName('painted').length > 0, null, { timeout, polling: 50 });
  return page.evaluate(() => performance.getEntriesByName('painted')[0].startTime);
}

export const pageNow = (page) => page.evaluate(() => performance.now());
export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
/** Two animation frames, then a task: the page has painted whatever was pending. */
export const frames = (page, n = 2) =>
  page.evaluate(
    (n) =>
      new Promise((ok) => {
        const step = (k) => (k === 0 ? setTimeout(ok) : requestAnimationFrame(() => step(k - 1)));
        step(n);
      }),
    n,
  );

/** Long tasks with a start in [from, to) (page time), as {count, total, max, list}. */
export async function longTasks(page, from, to = Infinity) {
  const list = await page.evaluate(() => window.__bench.longtasks);
  const inside = list.filter((t) => t.start >= from && t.start < to);
  return {
    count: inside.length,
    total: inside.reduce((s, t) => s + t.duration, 0),
    max: inside.reduce((m, t) => Math.max(m, t.duration), 0),
  };
}

/** Event Timing entries with a start in [from, to). */
export async function eventsBetween(page, from, to = Infinity) {
  const list = await page.evaluate(() => window.__bench.events);
  return list.filter((e) => e.start >= from && e.start < to);
}

/** Viewport points just inside the first and last characters of [a, b) of `selector`'s text. */
function locate(page, selector, a, b) {
  return page.evaluate(
    ({ selector, a, b }) => {
      const root = document.querySelector(selector);
      if (!root) return { error: `no element ${selector}` };
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let at = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push([n, at]);
        at += n.data.length;
      }
      const point = (i, end) => {
        for (let k = 0; k < nodes.length; k++) {
          const [n, s] = nodes[k];
          if (i < s + n.data.length || (end && i === s + n.data.length)) return [n, i - s];
        }
        const [n] = nodes[nodes.length - 1];
        return [n, n.data.length];
      };
      const range = (x, y) => {
        const r = document.createRange();
        r.setStart(...point(x, false));
        r.setEnd(...point(y, true));
        return r;
      };
      const all = root.textContent;
      const text = range(a, b).toString();
      const rects = (r) => [...r.getClientRects()].filter((q) => q.width > 0 && q.height > 0);
      const first = rects(range(a, a + (/[\ud800-\udbff]/.test(all[a] ?? '') ? 2 : 1)))[0];
      const lastStart = b - (b - a >= 2 && /[\udc00-\udfff]/.test(all[b - 1]) ? 2 : 1);
      const lastRects = rects(range(lastStart, b));
      const last = lastRects[lastRects.length - 1];
      if (!first || !last) return { error: `no client rects for [${a}, ${b}) of ${selector}` };
      return {
        text,
        height: innerHeight,
        x0: first.left + Math.min(1, first.width / 4),
        y0: first.top + first.height / 2,
        x1: last.right - Math.min(1, last.width / 4),
        y1: last.top + last.height / 2,
      };
    },
    { selector, a, b },
  );
}

/**
 * Select characters [startU16, endU16) (UTF-16 indexes into the element's text) of the element
 * `selector` by dragging the real mouse: press just inside the first character, move in steps, rest,
 * release just inside the last. The drag takes about `dragMs` (a person's drag takes longer than the
 * 300 ms under which the peer treats a press-and-release as a click) and rests `restMs` before the release.
 */
export async function dragSelect(page, selector, startU16, endU16, { dragMs = 360, restMs = 60 } = {}) {
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
  // Lines with content-visibility: auto get their real height only once rendered, so the layout moves
  // for a frame or two after a scroll: scroll again until the text is in view and two frames agree.
  let where = null;
  for (let i = 0; i < 20; i++) {
    const now = await locate(page, selector, startU16, endU16);
    if (now.error) throw new Error(`dragSelect: ${now.error}`);
    const inView = Math.min(now.y0, now.y1) > 80 && Math.max(now.y0, now.y1) < now.height - 40;
    if (!inView) {
      await page.evaluate((s) => document.querySelector(s)?.scrollIntoView({ block: 'center' }), selector);
      where = null;
    } else if (where && ['x0', 'y0', 'x1', 'y1'].every((k) => Math.abs(where[k] - now[k]) < 0.5)) {
      break;
    } else {
      where = now;
    }
    await frames(page, 2);
  }
  if (!where) throw new Error(`dragSelect: [${startU16}, ${endU16}) of ${selector} does not come into view`);
  await frames(page, 2);
  const steps = 8;
  await page.mouse.move(where.x0, where.y0);
  await page.mouse.down();
  const t0 = Date.now();
  for (let i = 1; i <= steps; i++) {
    const f = i / steps;
    await page.mouse.move(where.x0 + (where.x1 - where.x0) * f, where.y0 + (where.y1 - where.y0) * f);
    const due = t0 + (dragMs * i) / steps;
    if (due > Date.now()) await sleep(due - Date.now());
  }
  await sleep(restMs);
  await page.mouse.up();
  return { wanted: where.text, selected: await page.evaluate(() => String(window.getSelection())) };
}

/**
 * Heap and DOM after garbage collection: CDP Performance.getMetrics (JSHeapUsedSize, Nodes), the wasm
 * linear memory (when the page is our app) and performance.measureUserAgentSpecificMemory (when the
 * page is cross-origin isolated).
 */
export async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(100);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
  const inPage = await page.evaluate(async () => {
    const wasm = window.__bench.wasmMemory?.buffer?.byteLength ?? null;
    // Nodes in the document now (CDP's Nodes also counts detached nodes that something still references).
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    let live = 0;
    while (walker.nextNode()) live++;
    let ua = null;
    if (typeof performance.measureUserAgentSpecificMemory === 'function' && self.crossOriginIsolated) {
      try {
        const r = await Promise.race([performance.measureUserAgentSpecificMemory(), new Promise((ok) => setTimeout(() => ok(null), 5000))]);
        ua = r?.bytes ?? null;
      } catch {
        ua = null;
      }
    }
    return { wasm, ua, live };
  });
  const jsHeap = m.JSHeapUsedSize ?? null;
  return {
    jsHeap,
    nodes: m.Nodes ?? null,
    liveNodes: inPage.live,
    wasm: inPage.wasm,
    ua: inPage.ua,
    total: (jsHeap ?? 0) + (inPage.wasm ?? 0),
  };
}

/**
 * Scroll the window from the top to the end of the document with the mouse wheel (over `overSelector`),
 * recording requestAnimationFrame deltas in the page. Returns {frames, steps, height, from, to}.
 */
export async function wheelThrough(page, overSelector, { step = 1500, maxSteps = 2000 } = {}) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await frames(page, 3);
  const box = await page.evaluate((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return { x: r.left + r.width / 2, y: Math.min(innerHeight - 100, Math.max(200, r.top + 200)) };
  }, overSelector);
  await page.mouse.move(box.x, box.y);
  const from = await pageNow(page);
  await page.evaluate(() => window.__bench.recordFrames());
  let steps = 0;
  let still = 0;
  let lastY = -1;
  while (steps < maxSteps) {
    await page.mouse.wheel(0, step);
    steps++;
    if (steps % 5 === 0) {
      const { y, bottom } = await page.evaluate(() => ({
        y: scrollY,
        bottom: scrollY + innerHeight >= document.documentElement.scrollHeight - 2,
      }));
      if (bottom && y === lastY) still++;
      else still = 0;
      if (still >= 2) break;
      lastY = y;
    }
  }
  await sleep(300);
  const list = await page.evaluate(() => window.__bench.stopFrames());
  const to = await pageNow(page);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  return { frames: list.map((f) => f.delta), steps, height, from, to };
}
