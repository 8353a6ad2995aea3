// The bars of issue 3 and how the results are held against them.
//
// A full run holds every time against its bar. A smoke run (CI) never fails on an absolute time: machines
// differ by 2x and more, so its times and memory are only reported, and the one timing it judges is our
// first render divided by the peer's, both measured in the same run on the same machine. The size bar is
// deterministic and judged in both.
import { median, quantile, summary } from './stats.mjs';

export const MAIN_FIXTURE = '1m-10000';
export const DENSE_FIXTURE = 'dense-100k-1000';
export const SMOKE_FIXTURE = '100k-1000';
/** A requestAnimationFrame delta of three 60 Hz frames reads 49.99–50.01 ms: "over 50 ms" is past this. */
export const FRAME_TOLERANCE_MS = 0.5;

export const BARS = {
  firstRender: 150,
  firstRenderPeerRatio: 1 / 20,
  addP90: 24,
  addDenseP90: 33,
  longTaskMs: 50,
  frameMs: 50,
  save: 20,
  restore: 150,
  export: 100,
  // The bar is 100 KB. NA_SIZE_GUARD_KB lets CI check a looser regression guard while the bar
  // is not met yet (scripts/test.sh sets it); BENCHMARKS.md runs use the bar itself.
  sizeKb: Number(process.env.NA_SIZE_GUARD_KB) || 100,
  memoryGrowth: 0.1,
  // Smoke: our first render of 100k-1000 over the peer's in the same run (0.63 on the machine that
  // measured issue 14; the peer is a plain-JS library, so being slower than it is a regression).
  smokePeerRatio: 1,
};

/** Event Timing reports only events of 16 ms and more; a keydown without an entry counts as 16 ms. */
export const eventMs = (add) => add.eventMs ?? 16;

const runsOf = (cell, fixture, side) => cell?.[fixture]?.[side]?.runs ?? [];
export const firstRenderSamples = (r, fixture, side) => runsOf(r.firstRender, fixture, side).map((x) => x.painted);
export const addsOf = (r, fixture, side) => runsOf(r.add, fixture, side).flatMap((x) => x.adds ?? []);
export const addTasksOf = (r, fixture, side) => runsOf(r.add, fixture, side).map((x) => x.addTasks).filter(Boolean);
export const scrollsOf = (r, fixture, side) => runsOf(r.add, fixture, side).map((x) => x.scroll).filter(Boolean);
export const memoriesOf = (r, fixture, side) =>
  runsOf(r.add, fixture, side)
    .filter((x) => x.memoryBefore && x.memoryAfter)
    .map((x) => ({ before: x.memoryBefore, after: x.memoryAfter }));
export const growth = (m) => (m.after.total - m.before.total) / m.before.total;

const check = (name, target, value, ok, detail = '') => ({ name, target, value, ok: value === null || value === undefined ? null : ok, detail });
/** A measurement a smoke run shows without judging it (`ok` is 'reported'). */
const reported = (name, value, detail = '') => ({ name, target: 'reported only', value, ok: value === null || value === undefined ? null : 'reported', detail });
const fmt = (ms) => (ms === null || ms === undefined ? 'n/a' : `${ms.toFixed(1)} ms`);

/**
 * [{name, target, value, ok, detail}] for the results `r`. `fixture` is the fixture of the first-render,
 * add, scroll and api cells (the smoke run uses 100k-1000). With `relative` (the smoke run) only the
 * ratio to the peer and the size are judged; every other time is reported (see the top of this file).
 */
export function evaluateBars(r, { relative = false, fixture = MAIN_FIXTURE } = {}) {
  return relative ? relativeBars(r, fixture) : absoluteBars(r, fixture);
}

/**
 * The smoke run's checks: our first render over the peer's, measured in the same run (required: a
 * missing peer fails), the size guard, and the other times as reported values.
 */
function relativeBars(r, fixture) {
  const ours = firstRenderSamples(r, fixture, 'ours');
  const peer = firstRenderSamples(r, fixture, 'peer');
  const ratio = ours.length && peer.length ? median(ours) / median(peer) : null;
  const out = [
    {
      ...check(`first render, ${fixture}, ours / peer in this run`, `≤ ${BARS.smokePeerRatio}`, ratio, ratio <= BARS.smokePeerRatio, `${fmt(median(ours))} / ${fmt(median(peer))}, medians of ${ours.length} and ${peer.length}`),
      required: true,
    },
  ];
  for (const bar of absoluteBars(r, fixture)) {
    if (bar.name.startsWith('app download')) out.push({ ...bar, required: true });
    else out.push(reported(bar.name, bar.value, `${bar.detail}; the full run's bar is ${bar.target}`));
  }
  return out;
}

/** Whether a smoke run passes its checks: every required one met, and none failed. */
export const smokePassed = (bars) => bars.every((b) => b.ok !== false && (!b.required || b.ok === true));

function absoluteBars(r, fixture) {
  const out = [];

  const ours = firstRenderSamples(r, fixture, 'ours');
  const peer = firstRenderSamples(r, fixture, 'peer');
  const fr = median(ours);
  out.push(check(`first render, ${fixture}`, `≤ ${BARS.firstRender} ms`, fr, fr <= BARS.firstRender, `median of ${ours.length}`));
  if (peer.length && ours.length) {
    const ratio = fr / median(peer);
    out.push(check(`first render, ${fixture}, ours / peer`, '≤ 1/20 (0.05)', ratio, ratio <= BARS.firstRenderPeerRatio, `${fmt(fr)} / ${fmt(median(peer))}`));
  }

  const adds = addsOf(r, fixture, 'ours');
  const p90 = quantile(adds.map(eventMs), 0.9);
  out.push(check(`add one annotation, ${fixture}: keydown to next paint p90`, `≤ ${BARS.addP90} ms`, p90, p90 <= BARS.addP90, `${adds.length} adds; ${adds.filter((a) => a.eventMs === null).length} under 16 ms`));
  const tasks = addTasksOf(r, fixture, 'ours');
  if (tasks.length) {
    const worst = Math.max(0, ...tasks.map((t) => t.max));
    out.push(check(`add one annotation, ${fixture}: long tasks`, 'none', worst, tasks.every((t) => t.count === 0), `${tasks.reduce((s, t) => s + t.count, 0)} long tasks, longest ${worst.toFixed(0)} ms`));
  }
  if (fixture === MAIN_FIXTURE) {
    const dense = addsOf(r, DENSE_FIXTURE, 'ours');
    const dp90 = quantile(dense.map(eventMs), 0.9);
    out.push(check(`add one annotation in a paragraph of 500 (${DENSE_FIXTURE}) p90`, `≤ ${BARS.addDenseP90} ms`, dp90, dp90 <= BARS.addDenseP90, `${dense.length} adds`));
  }

  const scrolls = scrollsOf(r, fixture, 'ours');
  if (scrolls.length) {
    const worst = Math.max(...scrolls.flatMap((s) => s.frames));
    out.push(check(`scroll through ${fixture}: longest frame`, `≤ ${BARS.frameMs} ms`, worst, worst <= BARS.frameMs + FRAME_TOLERANCE_MS, `${scrolls.reduce((n, s) => n + s.frames.length, 0)} frames in ${scrolls.length} runs`));
  }

  const api = r.api?.ours;
  if (api && !api.missing) {
    const save = median(api.save ?? []);
    out.push(check('save', `≤ ${BARS.save} ms`, save, save <= BARS.save, `median of ${(api.save ?? []).length}`));
    const restore = median(api.restore ?? []);
    out.push(check('load + restore', `≤ ${BARS.restore} ms`, restore, restore <= BARS.restore, `median of ${(api.restore ?? []).length}`));
    for (const [format, xs] of Object.entries(api.export ?? {})) {
      const v = Array.isArray(xs) ? median(xs) : null;
      out.push(check(`export "${format}"`, `≤ ${BARS.export} ms`, v, v <= BARS.export, Array.isArray(xs) ? `median of ${xs.length}` : String(xs?.error)));
    }
  } else {
    out.push(check('save / restore / export', 'window.newsAnnotatorBench', null, null, api?.missing ?? 'not measured'));
  }

  if (r.download?.dist) {
    const kb = r.download.dist.total.brotli / 1024;
    out.push(check('app download, critical path of dist/ (index.html + its CSS, JS, wasm), brotli', `≤ ${BARS.sizeKb} KB`, kb, kb <= BARS.sizeKb, 'KB = 1024 bytes'));
  }

  const mems = memoriesOf(r, fixture, 'ours');
  if (mems.length) {
    const g = median(mems.map(growth));
    out.push(check('memory after 20 adds and their undo (JS heap + wasm memory)', `within ${Math.round(BARS.memoryGrowth * 100)} %`, g * 100, Math.abs(g) <= BARS.memoryGrowth, `median change of ${mems.length} runs`));
  }
  return out;
}

export { summary };
