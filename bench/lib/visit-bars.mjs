// The bars of issue 15 (first visit, returning visit, ready to tag, critical path size) and how the
// visit cells' results are held against them. Every timing bar is a ratio of two medians measured in the
// same run. A full run judges them; the smoke run (CI) only reports them, since the app does not meet
// them yet.
import { median } from './stats.mjs';

export const VISIT_BARS = {
  /** First visit, article painted (Element Timing): ours over the peer. */
  firstPeer: 1,
  /** First visit, article painted: ours over the plain static page. */
  firstStatic: 1.5,
  /** Returning visit with 1,000 saved annotations, article painted and highlights painted: ours over the peer. */
  returningPeer: 1,
  /** Ready to tag (first annotation made with the mouse): ours over the peer. */
  readyPeer: 1,
  /** Brotli KB of the critical path (index.html + its CSS, JS and wasm). */
  criticalKb: 200,
};

/** The `field` of every measured run of `side` in visit cell `cell` ('first', 'returning', 'ready'). */
export const visitSamples = (r, cell, side, field) => (r.visits?.[cell]?.[side]?.runs ?? []).map((x) => x[field]).filter((x) => Number.isFinite(x));

const fmt = (x) => (x === null ? 'n/a' : `${x.toFixed(0)} ms`);

/** median(ours) / median(other) of a field, with its detail; value null when a side has no runs. */
function ratioOf(r, cell, field, other) {
  const o = visitSamples(r, cell, 'ours', field);
  const p = visitSamples(r, cell, other, field);
  const mo = median(o);
  const mp = median(p);
  return { value: mo !== null && mp ? mo / mp : null, detail: `${fmt(mo)} / ${fmt(mp)}, medians of ${o.length} and ${p.length}` };
}

/**
 * [{name, target, value, unit, ok, detail}] of issue 15 for results `r`. `ok` is true or false in a full
 * run, 'reported' with `relative` (the smoke run), and null when the value was not measured.
 */
export function visitBars(r, { relative = false } = {}) {
  const rows = [];
  const add = (name, limit, unit, { value, detail }) => {
    const ok = value === null || value === undefined ? null : relative ? 'reported' : value <= limit;
    rows.push({ name, target: unit === 'KB' ? `≤ ${limit} KB` : `≤ ${limit}`, value: value ?? null, unit, ok, detail: relative && ok !== null ? `${detail}; reported only in the smoke run` : detail });
  };
  const has = (cell) => !!r.visits?.[cell];
  if (has('first')) {
    add('first visit, article painted, ours / peer', VISIT_BARS.firstPeer, 'ratio', ratioOf(r, 'first', 'paint', 'peer'));
    add('first visit, article painted, ours / static page', VISIT_BARS.firstStatic, 'ratio', ratioOf(r, 'first', 'paint', 'static'));
    // No bar: what stands between the navigation and our first paint.
    const longest = visitSamples(r, 'first', 'ours', 'longestTaskBeforePaint');
    rows.push({
      name: 'first visit, ours: longest task before the article painted',
      target: 'reported only',
      value: median(longest),
      unit: 'ms',
      ok: longest.length ? 'reported' : null,
      detail: longest.length ? `median of ${longest.length} runs; the longest of all: ${fmt(Math.max(...longest))}` : 'not measured',
    });
  }
  if (has('returning')) {
    add('returning visit (1,000 saved), article painted, ours / peer', VISIT_BARS.returningPeer, 'ratio', ratioOf(r, 'returning', 'paint', 'peer'));
    add('returning visit (1,000 saved), highlights painted, ours / peer', VISIT_BARS.returningPeer, 'ratio', ratioOf(r, 'returning', 'highlightsPainted', 'peer'));
  }
  if (has('ready')) add('ready to tag, ours / peer', VISIT_BARS.readyPeer, 'ratio', ratioOf(r, 'ready', 'readyAt', 'peer'));
  const dist = r.download?.dist;
  if (dist) {
    const all = r.download?.all?.total?.brotli;
    add('critical path (index.html + its CSS, JS, wasm), brotli', VISIT_BARS.criticalKb, 'KB', {
      value: dist.total.brotli / 1024,
      detail: `${dist.files.length} files; everything in dist/: ${all === undefined ? 'n/a' : `${(all / 1024).toFixed(1)} KB`}`,
    });
  }
  return rows;
}
