// The two sides of the benchmark and how a person uses each: our app (the bench build, dist-bench/) and the
// peer page (bench/peer/ with @recogito/text-annotator). Both load the same fixture from the same server.
import { dragSelect, eventsBetween, frames, pageNow, sleep, waitPainted } from './page.mjs';

const ARTICLE = 'article[data-testid=article-text][data-article=bench]';

/** Events of one add, from Event Timing: the longest entry of each name (null when under 16 ms). */
function eventDurations(events, names) {
  const out = {};
  for (const name of names) {
    const own = events.filter((e) => e.name === name);
    out[name] = own.length ? Math.max(...own.map((e) => e.duration)) : null;
  }
  return out;
}

export const ours = {
  key: 'ours',
  title: 'News Annotator',
  url: (base, fixture) => `${base}?fixture=/fixtures/${fixture}.json`,
  scrollOver: ARTICLE,

  /** Wait for the 'painted' mark, then for the whole text in the DOM; check the text and highlights. */
  async ready(page, fixture) {
    const painted = await waitPainted(page);
    const complete = await (
      await page.waitForFunction(() => performance.getEntriesByName('news-annotator:complete').find((e) => e.detail === 'bench')?.startTime, null, {
        timeout: 60_000,
        polling: 50,
      })
    ).jsonValue();
    const dom = await page.evaluate(
      (s) => ({
        paras: document.querySelectorAll(`${s} p.para`).length,
        highlights: document.querySelectorAll(`${s} span.seg.hl`).length,
        how: window.__bench.renderedHow,
      }),
      ARTICLE,
    );
    if (dom.paras !== fixture.lines.length) throw new Error(`ours: ${dom.paras} p.para, the fixture has ${fixture.lines.length} lines`);
    if (fixture.annotations.length && !dom.highlights) throw new Error('ours: no span.seg.hl after the rendered mark');
    return { painted, complete, ...dom };
  },

  paragraph: (line) => `${ARTICLE} p.para[data-start="${line.start}"]`,

  /** What undo must bring back: the HTML of the paragraphs that were annotated. */
  state: (page, lines) => page.evaluate((sels) => sels.map((s) => document.querySelector(s)?.innerHTML ?? null), lines.map(ours.paragraph)),

  /** Select [a, b) (UTF-16 within the line) with the mouse, press `c`; returns the timings. */
  async add(page, line, a, b) {
    const from = await pageNow(page);
    const drag = await dragSelect(page, ours.paragraph(line), a, b);
    await page.waitForSelector('[data-testid=tag-toolbar]', { state: 'visible', timeout: 10_000 });
    await frames(page, 2);
    await sleep(30);
    const keyFrom = await pageNow(page);
    const cp = (i) => line.start + [...line.text.slice(0, i)].length;
    await page.evaluate(([start, a, b]) => {
      window.__bench.pendingAdd = window.__bench.armOurAdd(start, a, b);
    }, [line.start, cp(a), cp(b)]);
    await page.keyboard.press('c');
    const r = await page.evaluate(() => window.__bench.pendingAdd);
    if (r.timeout) {
      throw new Error(`ours: no new highlight in the paragraph at ${line.start} after pressing c (mouse selection ${JSON.stringify(drag)})`);
    }
    await frames(page, 1);
    const events = await eventsBetween(page, from, Infinity);
    const sel = eventDurations(events.filter((e) => e.start < keyFrom), ['pointerup', 'mouseup', 'pointerdown', 'mousedown']);
    const key = eventDurations(events.filter((e) => e.start >= keyFrom), ['keydown', 'keypress', 'keyup']);
    return {
      // The bar: the keydown's Event Timing duration (null: under the 16 ms reporting threshold).
      eventMs: key.keydown,
      inputToPaintMs: r.painted - r.t0,
      detectedMs: r.detected - r.t0,
      selectionEventMs: sel.pointerup ?? sel.mouseup,
      events: { ...sel, ...key },
      exact: drag.selected === drag.wanted,
      window: [from, await pageNow(page)],
    };
  },

  async undo(page, n) {
    for (let i = 0; i < n; i++) {
      await page.click('button[data-testid=undo]');
      await frames(page, 1);
    }
    await frames(page, 2);
  },

  /** The bench build's in-page timings (window.newsAnnotatorBench); null entries when it is missing. */
  api: (page, calls) => apiTimings(page, 'newsAnnotatorBench', calls),
};

export const peer = {
  key: 'peer',
  title: '@recogito/text-annotator 4.1.1',
  url: (base, fixture) => `${base}peer/?fixture=/fixtures/${fixture}.json`,
  scrollOver: '#text',

  async ready(page, fixture) {
    await page.waitForFunction(() => window.peerBench, null, { polling: 50, timeout: 60_000 });
    const loaded = await page.evaluate(() => window.peerBench.ready);
    const painted = await waitPainted(page);
    if (loaded.annotations !== fixture.annotations.length) {
      throw new Error(`peer: ${loaded.annotations} annotations in its store, the fixture has ${fixture.annotations.length}`);
    }
    const dom = await page.evaluate(() => ({ paras: document.querySelectorAll('#text > p').length, highlights: document.querySelectorAll('.r6o-annotation').length }));
    return { painted, ...dom };
  },

  paragraph: (line) => `#text > p:nth-of-type(${line.index + 1})`,

  async add(page, line, a, b) {
    const from = await pageNow(page);
    await page.evaluate(() => {
      window.__bench.pendingAdd = window.peerBench.armAdd();
    });
    const drag = await dragSelect(page, peer.paragraph(line), a, b);
    const r = await Promise.race([page.evaluate(() => window.__bench.pendingAdd), sleep(15_000).then(() => null)]);
    if (!r) throw new Error(`peer: no annotation created for the selection ${JSON.stringify(drag)}`);
    await frames(page, 1);
    const events = await eventsBetween(page, from, Infinity);
    const sel = eventDurations(events, ['pointerup', 'mouseup', 'pointerdown', 'mousedown']);
    return {
      // The peer creates the annotation on pointerup, so its pointerup is the input.
      eventMs: sel.pointerup,
      inputToPaintMs: r.painted - r.t0,
      detectedMs: r.created - r.t0,
      selectionEventMs: sel.pointerup,
      events: sel,
      exact: drag.selected === drag.wanted,
      window: [from, await pageNow(page)],
    };
  },

  async undo(page, n) {
    for (let i = 0; i < n; i++) {
      await page.evaluate(() => window.peerBench.undo());
      await frames(page, 1);
    }
    await frames(page, 2);
  },

  /** What undo must bring back: the number of annotations in its store. */
  state: (page) => page.evaluate(() => window.peerBench.count()),

  api: (page, calls) => apiTimings(page, 'peerBench', calls),
};

export const SIDES = { ours, peer };

/**
 * Call save(), export(format) for each of formats() and restore() on window[name]: `calls` times each
 * after one unmeasured call. Returns {missing} or {formats, save: [ms], restore: [ms], export: {fmt: [ms]}}.
 */
async function apiTimings(page, name, calls) {
  return page.evaluate(
    async ({ name, calls }) => {
      const api = window[name];
      if (!api || typeof api.save !== 'function') return { missing: `window.${name}.save is not there` };
      // One unmeasured call, then `calls` measured ones; a call that takes over a second (the peer's
      // restore) is measured once, the first time.
      const run = async (fn) => {
        const first = Number(await fn());
        if (first > 1000) return [first];
        const out = [];
        for (let i = 0; i < calls; i++) out.push(Number(await fn()));
        return out;
      };
      const result = {};
      const formats = typeof api.formats === 'function' ? await api.formats() : ['native'];
      result.formats = formats;
      try {
        result.save = await run(() => api.save());
      } catch (err) {
        result.saveError = String(err);
      }
      result.export = {};
      for (const f of formats) {
        try {
          result.export[f] = await run(() => api.export(f));
        } catch (err) {
          result.export[f] = { error: String(err) };
        }
      }
      try {
        result.restore = typeof api.restore === 'function' ? await run(() => api.restore()) : null;
      } catch (err) {
        result.restoreError = String(err);
      }
      return result;
    },
    { name, calls },
  );
}
