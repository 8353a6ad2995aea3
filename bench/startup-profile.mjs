// Start-up of the shipped app on a first visit (issue 15): serves a build on loopback and loads it in
// fresh Chromium contexts, reporting the median of the runs for
//   wasm      the .wasm response fully arrived (Resource Timing responseEnd)
//   ready     the app's wasm module was instantiated (WebAssembly.instantiate[Streaming] resolved)
//   started   Trunk's loader ran the app's start (its TrunkApplicationStarted event)
//   para      the first `p.para` of the article was in the DOM (a MutationObserver)
//   element   the first Element Timing entry of the article's lines (`elementtiming="article"`)
//   longest   the longest long task (> 50 ms) that started before `element`
//   own       element − ready: the app's own start-up work until its first article line painted
// Times are milliseconds since navigation start. With --trace FILE it also records one CDP trace
// (devtools.timeline and v8 categories) of a load, from navigation to the first article line painted;
// with --cpuprofile FILE, a CPU profile of the page's JavaScript and wasm (50 µs samples) over the same
// span, for DevTools' Performance panel. Build with names kept to see Rust functions in them.
//
//   node bench/startup-profile.mjs [DIR=dist] [--runs 9] [--trace FILE] [--cpuprofile FILE]
import { chromium } from 'playwright-core';
import { writeFile } from 'node:fs/promises';
import { startStaticServer } from '../tests/support/server.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/support/browser.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [value] = args.splice(at, 2).slice(1);
  return value;
};
const runs = Number(option('--runs', '9'));
const traceFile = option('--trace', null);
const profileFile = option('--cpuprofile', null);
const dir = args[0] ?? 'dist';

/** Runs in the page before its scripts: collects the times named at the top of this file. */
function instrument() {
  const S = (window.__startup = { ready: null, started: null, para: null, element: null, longtasks: [] });
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        S.ready ??= performance.now();
        return result;
      });
    };
  }
  addEventListener('TrunkApplicationStarted', () => {
    S.started ??= performance.now();
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) S.element ??= e.renderTime || e.loadTime;
  }).observe({ type: 'element', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) S.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((_, observer) => {
    if (document.querySelector('p.para')) {
      S.para = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** One fresh-context load: the times of this file's header; records a trace or profile if given a path. */
async function load(browser, url, { tracePath, profilePath } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(instrument);
  const cdp = tracePath || profilePath ? await context.newCDPSession(page) : null;
  const chunks = [];
  if (profilePath) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
  }
  if (tracePath) {
    cdp.on('Tracing.dataCollected', (e) => chunks.push(...e.value));
    await cdp.send('Tracing.start', {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-devtools.timeline.frame',
        'v8',
        'v8.execute',
        'disabled-by-default-v8.cpu_profiler',
        'blink.user_timing',
        'loading',
      ].join(','),
      transferMode: 'ReportEvents',
    });
  }
  await page.goto(url);
  await page.waitForFunction(() => window.__startup.element !== null && window.__startup.para !== null, null, {
    timeout: 30_000,
  });
  if (profilePath) await writeFile(profilePath, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  // Long tasks are reported after they end; one more frame lets the last of them arrive.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  const times = await page.evaluate(() => {
    const S = window.__startup;
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm') && !e.name.includes('worker'));
    const before = S.longtasks.filter((t) => t.start < S.element).map((t) => t.duration);
    return {
      wasm: wasm?.responseEnd ?? null,
      ready: S.ready,
      started: S.started,
      para: S.para,
      element: S.element,
      longest: before.length ? Math.max(...before) : 0,
      own: S.element - S.ready,
    };
  });
  if (tracePath) {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    await writeFile(tracePath, JSON.stringify({ traceEvents: chunks }));
  }
  await context.close();
  return times;
}

const median = (values) => {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
};

const server = await startStaticServer(dir);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
try {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await load(browser, server.url));
  const recorded = [];
  if (traceFile) recorded.push(['trace', traceFile, await load(browser, server.url, { tracePath: traceFile })]);
  if (profileFile) recorded.push(['CPU profile', profileFile, await load(browser, server.url, { profilePath: profileFile })]);
  const keys = ['wasm', 'ready', 'started', 'para', 'element', 'longest', 'own'];
  console.log(`${dir}: ${runs} fresh-context loads (ms since navigation; median, then each run)`);
  for (const key of keys) {
    const each = all.map((t) => (t[key] === null ? '-' : t[key].toFixed(0))).join(' ');
    console.log(`${key.padEnd(8)} ${String(median(all.map((t) => t[key]))?.toFixed(0)).padStart(5)}   [${each}]`);
  }
  for (const [what, file, t] of recorded)
    console.log(`${what} of one more load: ${file} (ready ${t.ready?.toFixed(0)}, element ${t.element?.toFixed(0)} ms)`);
} finally {
  await browser.close();
  await server.close();
}
