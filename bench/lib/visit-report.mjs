// The "First visit (issue 15)" section of BENCHMARKS.md, from the visit cells' results (run.mjs).
import { median, summary } from './stats.mjs';
import { visitBars, visitSamples } from './visit-bars.mjs';

const ms = (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
const kb = (b) => (b === null || b === undefined ? '–' : `${(b / 1024).toFixed(1)} KB`);
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
const status = (ok) => (ok === true ? 'pass' : ok === false ? '**FAIL**' : ok === 'reported' ? 'reported' : 'not measured');
const value = (b) => (b.value === null ? '–' : b.unit === 'KB' ? `${b.value.toFixed(1)} KB` : b.unit === 'ms' ? ms(b.value) : b.value.toFixed(2));

/** One row per page and metric of the visit cells: median / p90 (n), with failed runs. */
function timesTable(r) {
  const v = r.visits;
  const rows = [];
  const line = (cell, side, field, what) => {
    const slot = v[cell]?.[side];
    if (!slot) return;
    const s = summary(visitSamples(r, cell, side, field));
    const failed = slot.errors?.length ? ` (${slot.errors.length} failed)` : '';
    rows.push([cell === 'first' ? 'first visit' : cell === 'returning' ? 'returning visit' : 'ready to tag', side, what, s.n ? `${ms(s.median)} / ${ms(s.p90)}` : '–', `${s.n}${failed}`]);
  };
  for (const side of ['ours', 'peer', 'static']) line('first', side, 'paint', 'article painted (Element Timing)');
  for (const side of ['ours', 'peer']) {
    line('returning', side, 'paint', 'article painted (Element Timing)');
    line('returning', side, 'highlightsInDom', 'highlights in the DOM');
    line('returning', side, 'highlightsPainted', 'highlights painted');
  }
  for (const side of ['ours', 'peer']) line('ready', side, 'readyAt', 'first annotation made with the mouse');
  return table(['cell', 'page', 'from navigation start to', 'median / p90', 'runs'], rows);
}

/** Long tasks that started before the article's first paint, per page of the first visit. */
function tasksTable(r) {
  const rows = [];
  for (const cell of ['first', 'returning']) {
    for (const side of ['ours', 'peer', 'static']) {
      const runs = r.visits?.[cell]?.[side]?.runs ?? [];
      if (!runs.length) continue;
      const longest = runs.map((x) => x.longestTaskBeforePaint ?? 0);
      rows.push([cell === 'first' ? 'first visit' : 'returning visit', side, `${median(runs.map((x) => x.longTasksBeforePaint ?? 0))}`, ms(median(longest)), ms(Math.max(...longest))]);
    }
  }
  return table(['cell', 'page', 'long tasks before the paint (median)', 'longest, median of runs', 'longest of all runs'], rows);
}

/** The whole section; '' when the run measured none of it. */
export function visitSection(r) {
  const v = r.visits;
  const bars = visitBars(r, { relative: r.meta?.smoke === true });
  if (!v && !bars.length) return '';
  const art = v?.article;
  const d = r.download ?? {};
  const sizes = d.dist
    ? `\n\n${table(
        ['what', 'files', 'raw', 'brotli q11'],
        [
          ['critical path: index.html + the CSS, JS and wasm it loads (and the modules those import)', d.dist.files.map((f) => `\`${f.name}\``).join(', '), kb(d.dist.total.raw), kb(d.dist.total.brotli)],
          ...(d.all ? [['everything in `dist/` (with what the app fetches later: a worker, the service worker, icons)', `${d.all.files.length} files`, kb(d.all.total.raw), kb(d.all.total.brotli)]] : []),
        ],
      )}`
    : '';
  const errors = v?.errors?.length ? `\n\nErrors in these cells (they never fail the smoke run):\n\n${v.errors.map((e) => `- ${e.replace(/\n/g, ' ').slice(0, 300)}`).join('\n')}` : '';
  return `## First visit (issue 15)

${table(['bar', 'target', 'value', 'status', 'detail'], bars.map((b) => [b.name, b.target, value(b), status(b.ok), b.detail]))}
${v ? `
${timesTable(r)}

${tasksTable(r)}
` : ''}${sizes}

Three pages of the same text, ${art ? `the first bundled article ("${art.title}", ${art.lines} lines, ${kb(art.bytes)})` : 'the first bundled article'}, served by
one loopback server with the same headers and no compression: **ours** is the shipped build (\`dist/\`,
no bench feature) at \`/\`, which opens that article by default; **static** is a page of the article's
lines as \`<p>\` elements with an inline style and no script; **peer** is that page with
@recogito/text-annotator's CSS and (deferred) its UMD bundle and \`bench/peer/visit.js\`, which attaches it.
Each load is in a new browser context (no HTTP cache, empty storage), ${v ? `${v.warmup} warm-up round and ${v.runs} measured rounds` : 'rounds'},
the pages interleaved (ours, peer, static, ours, …). "Article painted" is the earliest Element Timing
entry (\`renderTime\`) of the article's paragraphs (\`elementtiming="article"\`: on every line of the static
and peer pages, on the first line of ours; the lines paint in one frame).
**Returning visit**: the same with ${(v?.saved ?? 1000).toLocaleString('en-US')} saved annotations on the article: ours with the localStorage the app
itself wrote after importing them (its own export format, through the header's file input), the peer
with the same annotations as W3C JSON in localStorage, parsed and bulk-loaded at start; "highlights
painted" is, for ours, the task after the frame that followed the first \`span.seg.hl\` in the DOM, for the
peer its renderer's first redraw after the load. **Ready to tag**: from navigation, every 60 ms after a
failed attempt, a real mouse drag over three words of the first paragraph (ours: then \`c\`); the time
is the page's clock when the first successful attempt's highlight was in the DOM.${errors}
`;
}
