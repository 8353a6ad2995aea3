// Browser side of the visit cells of issue 15: each measured load in a new browser context (an empty
// profile: no HTTP cache, no storage, or only the saved state of a returning visit), the same init
// script on every page, and the page's own numbers: Element Timing of the article's paragraphs
// (`elementtiming="article"`), long tasks, when the highlights are in the DOM and painted, and when a real
// mouse selection first makes an annotation.
import { contextWith, dragSelect, sleep } from './page.mjs';

const ARTICLE = 'article[data-testid=article-text]';

/** The pages of the visit cells, by key: where they are, their first paragraph and their highlights. */
export const VISIT_PAGES = {
  ours: {
    key: 'ours',
    title: 'News Annotator (dist/, shipped build)',
    path: '/',
    // The article's first line as the page shows it: the first screen's (written at build time) until the
    // app takes it over, then the app's own. A selection made before the takeover is kept, so a person
    // can start selecting at once; the annotation is made (and counted) only once the app is up.
    firstParagraph: 'article p.para[data-start="0"]',
    highlight: `${ARTICLE} span.seg.hl`,
    // Ours has no hook that says "drawn": the init script marks 'highlights' in the task after the frame
    // that followed the first highlight's arrival in the DOM.
    marksHighlights: false,
    tagKey: 'c',
  },
  peer: {
    key: 'peer',
    title: '@recogito/text-annotator on the static page',
    path: '/visit/peer.html',
    firstParagraph: '#text > p:first-of-type',
    highlight: '.r6o-annotation',
    // bench/peer/visit.js marks 'highlights' at the renderer's first redraw after the restore.
    marksHighlights: true,
    tagKey: null,
  },
  static: {
    key: 'static',
    title: 'static HTML, no script',
    path: '/visit/static.html',
    firstParagraph: '#text > p:first-of-type',
    highlight: null,
    marksHighlights: true,
    tagKey: null,
  },
};

/**
 * Runs in every visit page before its own scripts: keeps Element Timing entries and long tasks, and, with
 * `highlight`, when an element matching it is first in the DOM (`__visit.highlightsInDom`); unless
 * `pageMarks`, marks 'highlights' after the next frame and a task, as the first-render cells do.
 */
function visitInit({ highlight, pageMarks }) {
  const V = (window.__visit = { element: [], longtasks: [], highlightsInDom: null });
  const keep = (type, map) => {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) V[type === 'element' ? 'element' : 'longtasks'].push(map(e));
      }).observe({ type, buffered: true });
    } catch (err) {
      V[`no_${type}`] = String(err);
    }
  };
  keep('element', (e) => ({ id: e.identifier, at: e.renderTime || e.loadTime }));
  keep('longtask', (e) => ({ start: e.startTime, duration: e.duration }));
  if (!highlight) return;
  const found = () => {
    if (V.highlightsInDom !== null || !document.querySelector(highlight)) return false;
    V.highlightsInDom = performance.now();
    if (!pageMarks) requestAnimationFrame(() => setTimeout(() => performance.mark('highlights')));
    return true;
  };
  const observer = new MutationObserver(() => found() && observer.disconnect());
  observer.observe(document, { subtree: true, childList: true });
}

/** A new context (empty profile, or `storageState`) and page with the visit init script. */
function openContext(browser, side, { storageState, highlights = false } = {}) {
  const arg = { highlight: highlights ? side.highlight : null, pageMarks: side.marksHighlights };
  return contextWith(browser, visitInit, arg, { storageState });
}

/** The first Element Timing entry of the article (ms since navigation start), waiting for it. */
async function articlePainted(page) {
  const handle = await page.waitForFunction(
    () => {
      const own = window.__visit?.element.filter((e) => e.id === 'article') ?? [];
      return own.length ? Math.min(...own.map((e) => e.at)) : null;
    },
    null,
    { polling: 50, timeout: 60_000 },
  );
  return handle.jsonValue();
}

/**
 * One visit of `side` at `base`: navigation to the page, then the article's first paint by Element Timing,
 * the long tasks that started before it, and (with `highlights`) when the saved highlights were in the
 * DOM and painted. `lines` is the number of paragraphs the page must show.
 */
export async function visit(browser, base, side, { lines, storageState, highlights = false, expectHighlights = 0 } = {}) {
  const { context, page } = await openContext(browser, side, { storageState, highlights });
  try {
    await page.goto(new URL(side.path, base).href, { waitUntil: 'commit' });
    const paint = await articlePainted(page);
    const out = { paint };
    if (highlights) {
      await page.waitForFunction(() => performance.getEntriesByName('highlights').length > 0, null, { polling: 50, timeout: 60_000 });
      Object.assign(
        out,
        await page.evaluate((sel) => ({
          highlightsInDom: window.__visit.highlightsInDom,
          highlightsPainted: performance.getEntriesByName('highlights')[0].startTime,
          highlightCount: document.querySelectorAll(sel).length,
          peerErrors: window.peerVisit?.errors?.slice(0, 3) ?? [],
        }), side.highlight),
      );
      // After the measurement: all saved annotations are there (ours: the article list's counts of the
      // open article; the peer: its store after the restore).
      const restored = await page
        .waitForFunction(
          (want) => {
            const n =
              window.peerVisit?.restored ??
              [...document.querySelectorAll('nav[data-testid=article-list] button[aria-current] span[data-count]')].reduce((n, e) => n + Number(e.textContent.trim() || 0), 0);
            return n === want ? n : false;
          },
          expectHighlights,
          { polling: 100, timeout: 10_000 },
        )
        .then((h) => h.jsonValue())
        .catch(() => null);
      if (restored !== expectHighlights) throw new Error(`${side.key}: the page does not show the ${expectHighlights} saved annotations (${out.peerErrors.join('; ')})`);
      if (!out.highlightCount) throw new Error(`${side.key}: no ${side.highlight} after the 'highlights' mark`);
    }
    // Long tasks are reported after they end: give the last one before the paint time to arrive.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 100))));
    const dom = await page.evaluate(() => ({
      paras: document.querySelectorAll('article p.para, #text > p').length,
      tasks: window.__visit.longtasks,
    }));
    if (dom.paras !== lines) throw new Error(`${side.key}: ${dom.paras} paragraphs of the article shown, it has ${lines} lines`);
    const before = dom.tasks.filter((t) => t.start < paint);
    out.longTasksBeforePaint = before.length;
    out.longestTaskBeforePaint = before.reduce((m, t) => Math.max(m, t.duration), 0);
    if (page.errors.length) out.pageErrors = page.errors.slice(0, 3);
    return out;
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * The saved state of the app after it imported `nativeJson` (its own export format) into a new context:
 * opens the app at `base`, hands the file to the header's hidden file input, merges it, waits until the
 * autosave holds `count` annotations, and returns every localStorage entry of the origin as Playwright's
 * storageState.
 */
export async function savedStateOfApp(browser, base, nativeJson, count) {
  const { context, page } = await openContext(browser, VISIT_PAGES.ours);
  try {
    await page.goto(base);
    await page.waitForSelector(`${ARTICLE} p.para`);
    await page.setInputFiles('input[type=file][data-testid=import-file]', { name: 'saved.json', mimeType: 'application/json', buffer: Buffer.from(nativeJson) });
    await page.click('[data-testid=import-preview] [data-testid=import-merge]');
    await page.waitForFunction(
      (count) => {
        try {
          return JSON.parse(localStorage.getItem('news-annotator/state') ?? 'null')?.annotations?.length === count;
        } catch {
          return false;
        }
      },
      count,
      { polling: 100, timeout: 60_000 },
    );
    const state = await context.storageState();
    if (page.errors.length) throw new Error(`the app reported errors while importing: ${page.errors.slice(0, 3).join('; ')}`);
    return state;
  } finally {
    await context.close().catch(() => {});
  }
}

/** Playwright storageState that puts `value` under `key` in the localStorage of `origin`. */
export const storageStateWith = (origin, key, value) => ({ cookies: [], origins: [{ origin, localStorage: [{ name: key, value }] }] });

/**
 * Ready to tag: from navigation (`commit`), every `intervalMs` after a failed attempt, drag-select UTF-16
 * [a, b) of the first paragraph with the mouse (then press the side's tag key, if it has one) and see
 * whether a new highlight appears within `windowMs` (in-page time). Returns {readyAt, attempts}: the page's
 * performance.now() when the first successful attempt's highlight was there.
 */
export async function readyToTag(browser, base, side, { a, b, intervalMs = 60, windowMs = 300, timeoutMs = 60_000 }) {
  const { context, page } = await openContext(browser, side);
  try {
    await page.goto(new URL(side.path, base).href, { waitUntil: 'commit' });
    const until = Date.now() + timeoutMs;
    let attempts = 0;
    let lastFailure = '';
    for (;;) {
      attempts++;
      try {
        const before = await page.evaluate((sel) => document.querySelectorAll(sel).length, side.highlight);
        await dragSelect(page, side.firstParagraph, a, b);
        if (side.tagKey) await page.keyboard.press(side.tagKey);
        const at = await page.evaluate(
          ({ sel, before, windowMs }) =>
            new Promise((ok) => {
              const now = () => (document.querySelectorAll(sel).length > before ? performance.now() : null);
              const first = now();
              if (first !== null) return ok(first);
              const observer = new MutationObserver(() => {
                const t = now();
                if (t !== null) {
                  observer.disconnect();
                  ok(t);
                }
              });
              observer.observe(document, { subtree: true, childList: true, attributes: true });
              setTimeout(() => {
                observer.disconnect();
                ok(now());
              }, windowMs);
            }),
          { sel: side.highlight, before, windowMs },
        );
        if (at !== null) return { readyAt: at, attempts, ...(page.errors.length ? { pageErrors: page.errors.slice(0, 3) } : {}) };
        lastFailure = 'no highlight after the selection';
      } catch (err) {
        lastFailure = String(err?.message ?? err).split('\n')[0];
      }
      if (Date.now() > until) throw new Error(`${side.key}: no annotation made in ${timeoutMs / 1000} s (${attempts} attempts; last: ${lastFailure})`);
      await sleep(intervalMs);
    }
  } finally {
    await context.close().catch(() => {});
  }
}
