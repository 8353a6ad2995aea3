// BENCHMARKS.md (and the smoke summary) from a results object of run.mjs. The report is generated, but
// for one hand-written part between the KEPT markers (the download size history), which a new report
// carries over from the file it replaces.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DENSE_FIXTURE, MAIN_FIXTURE, SMOKE_FIXTURE, addTasksOf, addsOf, eventMs, evaluateBars, firstRenderSamples, growth, memoriesOf, scrollsOf } from './bars.mjs';
import { median, summary } from './stats.mjs';
import { visitSection } from './visit-report.mjs';
import { longWorkSection } from './long-work-report.mjs';

const ms = (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
const kb = (b) => (b === null || b === undefined ? '–' : `${(b / 1024).toFixed(1)} KB`);
const mb = (b) => (b === null || b === undefined ? '–' : `${(b / 1024 / 1024).toFixed(2)} MB`);
const pct = (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`);
/** ours / peer, and how many times faster or slower that is. */
const ratio = (o, p) => {
  if (!o || !p) return '–';
  const r = o / p;
  return r < 1 ? `${r.toFixed(3)} (${(1 / r).toFixed(1)}× faster)` : `${r.toFixed(2)} (${r.toFixed(1)}× slower)`;
};
const cell = (s) => (s.n ? `${ms(s.median)} / ${ms(s.p90)}` : '–');
const status = (ok) => (ok === true ? 'pass' : ok === false ? '**FAIL**' : ok === 'reported' ? 'reported' : 'not measured');
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function barRows(r, opts) {
  return evaluateBars(r, opts).map((b) => [
    b.name,
    b.target,
    b.value === null || b.value === undefined ? '–' : /long tasks/.test(b.name) ? b.detail.split(',')[0] : /%/.test(b.target) ? `${b.value.toFixed(1)} %` : /KB/.test(b.target) ? `${b.value.toFixed(1)} KB` : /1\/20/.test(b.target) ? b.value.toFixed(3) : ms(b.value),
    status(b.ok),
    b.detail,
  ]);
}

function firstRenderTable(r) {
  const rows = Object.entries(r.firstRender ?? {}).map(([fixture, sides]) => {
    const o = summary(firstRenderSamples(r, fixture, 'ours'));
    const p = summary(firstRenderSamples(r, fixture, 'peer'));
    const lt = (side) => {
      const runs = sides[side]?.runs ?? [];
      if (!runs.length) return '–';
      const worst = Math.max(0, ...runs.map((x) => x.loadTasks?.max ?? 0));
      return `${median(runs.map((x) => x.loadTasks?.count ?? 0))} (longest ${worst.toFixed(0)} ms)`;
    };
    const info = r.fixtures?.[fixture];
    const errs = ['ours', 'peer'].map((s) => sides[s]?.errors?.length ?? 0);
    return [
      `\`${fixture}\``,
      info ? `${kb(info.bytes)}, ${info.paragraphs} ¶` : '',
      info?.annotations ?? '',
      cell(o) + (errs[0] ? ` (${errs[0]} failed)` : ''),
      cell(p) + (errs[1] ? ` (${errs[1]} failed)` : ''),
      ratio(o.median, p.median),
      ms(median((sides.ours?.runs ?? []).map((x) => x.complete).filter((x) => typeof x === 'number'))),
      lt('ours'),
      lt('peer'),
    ];
  });
  return table(['fixture', 'text', 'annotations', 'ours median / p90', 'peer median / p90', 'ours / peer (median)', 'ours: whole text in the DOM (median)', 'long tasks in load, ours', 'long tasks in load, peer'], rows);
}

function addTable(r) {
  const rows = [];
  for (const fixture of Object.keys(r.add ?? {})) {
    const o = addsOf(r, fixture, 'ours');
    const p = addsOf(r, fixture, 'peer');
    const line = (side, adds) => {
      const ev = summary(adds.map(eventMs));
      const ip = summary(adds.map((a) => a.inputToPaintMs));
      const sel = summary(adds.map((a) => a.selectionEventMs ?? 16));
      const tasks = addTasksOf(r, fixture, side);
      const under = adds.filter((a) => a.eventMs === null).length;
      return [
        `\`${fixture}\``,
        side === 'ours' ? 'ours: key `c`' : 'peer: pointerup',
        adds.length,
        ev.n ? `${ms(ev.median)} / ${ms(ev.p90)} / ${ms(ev.max)}${under ? ` (${under} of ${adds.length} under 16 ms)` : ''}${side === 'peer' ? ' ¹' : ''}` : '–',
        ip.n ? `${ms(ip.median)} / ${ms(ip.p90)} / ${ms(ip.max)}` : '–',
        side === 'ours' ? `${ms(sel.median)} / ${ms(sel.p90)}` : '(is the input)',
        tasks.length ? `${tasks.reduce((s, t) => s + t.count, 0)} (longest ${Math.max(0, ...tasks.map((t) => t.max)).toFixed(0)} ms)` : '–',
      ];
    };
    if (o.length) rows.push(line('ours', o));
    if (p.length) rows.push(line('peer', p));
    if (o.length && p.length) {
      rows.push([`\`${fixture}\``, 'ours / peer', '', '', ratio(median(o.map((a) => a.inputToPaintMs)), median(p.map((a) => a.inputToPaintMs))), '', '']);
    }
  }
  return `${table(
    ['fixture', 'input', 'adds', 'Event Timing of the input: to next paint, median / p90 / max', 'in page: input to highlight painted, median / p90 / max', 'selection (pointerup) Event Timing, median / p90', 'long tasks during the adds'],
    rows,
  )}

¹ The peer handles pointerup in a few ms and draws the new highlight later (its renderer redraws 10 ms
after a store change, in the next animation frame), so its pointerup's Event Timing ends before the
highlight is painted; compare the in-page column.`;
}

function scrollTable(r) {
  const rows = [];
  for (const fixture of Object.keys(r.add ?? {})) {
    for (const side of ['ours', 'peer']) {
      const scrolls = scrollsOf(r, fixture, side);
      if (!scrolls.length) continue;
      const frames = scrolls.flatMap((s) => s.frames);
      const s = summary(frames);
      rows.push([
        `\`${fixture}\``,
        side,
        `${scrolls.length} × ${Math.round(median(scrolls.map((x) => x.steps)))} wheel steps, ${(median(scrolls.map((x) => x.height)) / 1000).toFixed(0)}k px`,
        frames.length,
        `${ms(s.median)} / ${ms(s.p90)}`,
        ms(s.max),
        frames.filter((f) => f > 50.5).length,
        `${scrolls.reduce((n, x) => n + x.tasks.count, 0)} (longest ${Math.max(0, ...scrolls.map((x) => x.tasks.max)).toFixed(0)} ms)`,
      ]);
    }
  }
  return table(['fixture', 'side', 'scroll', 'frames', 'frame median / p90', 'longest frame', 'frames over 50 ms', 'long tasks'], rows);
}

function apiTable(r) {
  const o = r.api?.ours;
  const p = r.api?.peer;
  const rows = [];
  const row = (name, xo, xp, note) => {
    const so = summary(Array.isArray(xo) ? xo : []);
    const sp = summary(Array.isArray(xp) ? xp : []);
    rows.push([name, so.n ? `${ms(so.median)} / ${ms(so.p90)} (${so.n})` : o?.missing ? 'missing' : '–', sp.n ? `${ms(sp.median)} / ${ms(sp.p90)} (${sp.n})` : '–', ratio(so.median, sp.median), note]);
  };
  row('save (serialise + localStorage.setItem)', o?.save, p?.save, 'peer: W3C JSON of its store, no quote context');
  row('load + restore (localStorage.getItem + decode + rebuild)', o?.restore, p?.restore, 'peer: parse + bulk load into its store (DOM ranges, spatial index)');
  const formats = new Set([...Object.keys(o?.export ?? {}), ...Object.keys(p?.export ?? {})]);
  for (const f of formats) row(`export \`${f}\``, o?.export?.[f], p?.export?.[f], f === 'native' ? 'ours: with exact, prefix and suffix (32 code points)' : f === 'w3c' ? 'peer: W3C JSON, no prefix/suffix' : '');
  return table(['operation', 'ours median / p90 (n)', 'peer median / p90 (n)', 'ours / peer', 'notes'], rows);
}

function memoryTable(r) {
  const rows = [];
  for (const fixture of Object.keys(r.add ?? {})) {
    for (const side of ['ours', 'peer']) {
      const mems = memoriesOf(r, fixture, side);
      if (!mems.length) continue;
      const med = (f) => median(mems.map(f));
      rows.push([
        `\`${fixture}\``,
        side,
        `${mb(med((m) => m.before.jsHeap))} → ${mb(med((m) => m.after.jsHeap))}`,
        side === 'ours' ? `${mb(med((m) => m.before.wasm))} → ${mb(med((m) => m.after.wasm))}` : '–',
        `${Math.round(med((m) => m.before.liveNodes))} → ${Math.round(med((m) => m.after.liveNodes))}`,
        `${Math.round(med((m) => m.before.nodes))} → ${Math.round(med((m) => m.after.nodes))}`,
        mems[0].before.ua !== null ? `${mb(med((m) => m.before.ua))} → ${mb(med((m) => m.after.ua))}` : '–',
        pct(median(mems.map(growth))),
      ]);
    }
  }
  return table(['fixture', 'side', 'JS heap (after GC)', 'wasm memory', 'nodes in the document', 'nodes (CDP, with detached ones still referenced)', 'measureUserAgentSpecificMemory', 'change of JS heap + wasm (median)'], rows);
}

function downloadTable(r) {
  const d = r.download ?? {};
  const rows = [];
  const add = (what, s) => s && rows.push([what, s.files.map((f) => `\`${f.name}\``).join(', '), kb(s.total.raw), kb(s.total.gzip), kb(s.total.brotli)]);
  add('ours, release build `dist/`: the critical path (index.html + its CSS, JS and wasm; the size bar)', d.dist);
  add('ours, as loaded by the benchmark (`dist-bench/`, with the bench hooks; all files)', d.ours);
  add('peer page (library UMD + CSS, our glue `peer.js` and the HTML)', d.peer);
  add('peer library alone (UMD + CSS)', d.peerLibrary);
  return table(['what', 'files', 'raw', 'gzip -9', 'brotli q11'], rows);
}

/** The largest parts of the wasm, by crate (our modules one by one) and by function. */
function contributorsSection(r) {
  const c = r.download?.contributors;
  if (!c) return 'Not measured in this run (`bash bench/run.sh` builds the wasm with names it needs).';
  const share = (b) => `${((100 * b) / c.total).toFixed(1)} %`;
  const owners = table(['crate or module', 'raw', 'share'], c.owners.map((o) => [`\`${o.owner}\``, kb(o.bytes), share(o.bytes)]));
  const functions = table(['function', 'raw'], c.functions.map((f) => [`\`${f.name.replaceAll('|', '\\|')}\``, kb(f.bytes)]));
  return `Function bodies and data segments of the release wasm before wasm-opt (${kb(c.total)} raw in all),
named from the module's name section (\`bench/lib/contributors.mjs\`, the same reading as \`twiggy top\`).
wasm-opt and brotli shrink every part, so read these as shares. The data segments (${kb(c.data)}) hold
the bundled seed texts (${kb(c.seeds)}), strings and tables.

${owners}

The largest functions:

${functions}`;
}

/** The start of the hand-written part of BENCHMARKS.md that each new report keeps. */
export const KEPT_START = '<!-- kept: written by hand; bench/run.mjs carries this part over to each new report -->';
/** The end of the hand-written part. */
export const KEPT_END = '<!-- /kept -->';

/**
 * The hand-written part of an earlier report, markers included; '' when it has none. Throws when the
 * start marker has no end marker after it, so that a broken file is reported instead of losing the part.
 */
export function keptPart(previous) {
  const start = previous.indexOf(KEPT_START);
  if (start < 0) return '';
  const end = previous.indexOf(KEPT_END, start);
  if (end < 0) throw new Error(`the report has "${KEPT_START}" but no "${KEPT_END}" after it`);
  return previous.slice(start, end + KEPT_END.length);
}

/** Writes the report of `r` to `file`, keeping the hand-written part of the report already there. */
export function writeReport(file, r) {
  let kept = '';
  if (existsSync(file)) {
    try {
      kept = keptPart(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(`${file}: ${err.message}; nothing written`);
    }
  }
  writeFileSync(file, renderReport(r, { kept }));
}

/** The whole BENCHMARKS.md; `kept` is the hand-written part (see keptPart), put before "Method". */
export function renderReport(r, { kept = '' } = {}) {
  const meta = r.meta;
  const errors = r.errors ?? [];
  return `# Benchmarks

Written by \`node bench/run.mjs\` (see docs/TESTING.md, "Benchmarks"); do not edit by hand, except the
"Download size history" section, which each new report keeps. The protocol is summarised under
"Method" below. Times are medians (and p90) over ${meta.runs} measured runs after ${meta.warmup} warm-up run per cell,
ours and the peer interleaved in the same Chromium. The machine is shared and noisy: compare ratios,
not single numbers.

| | |
|---|---|
| date | ${meta.date} |
| commit | \`${meta.commit}\`${meta.dirty ? ' (with uncommitted changes)' : ''} |
| machine | ${meta.machine.cpu}, ${meta.machine.cores} cores, ${meta.machine.memGb} GB RAM, ${meta.machine.os} |
| load average (1 min) at start / end | ${meta.loadStart} / ${meta.loadEnd} |
| app build | \`${meta.appBuild ?? '?'}\` |${meta.distBuild ? `\n| shipped build (issue 15 cells) | \`${meta.distBuild}\` |` : ''}
| browser | ${meta.browser} (\`${meta.chromium}\`, headless=new), Playwright-core ${meta.playwright} |
| Node.js | ${meta.node} |
| peer | @recogito/text-annotator ${meta.peerVersion} (UMD bundle from node_modules, default SPANS renderer) |
| command | \`${meta.command}\` (${Math.round(meta.seconds)} s) |

## Bars (issue 3)

${table(['bar', 'target', 'ours', 'status', 'detail'], barRows(r, { relative: r.meta?.smoke === true, fixture: r.meta?.smoke ? SMOKE_FIXTURE : MAIN_FIXTURE }))}

${visitSection(r)}${r.longWork ? `\n${longWorkSection(r)}` : ''}
## First render

Navigation start to the task after the first frame that painted the article's text on screen and its
highlights (\`performance.mark('painted')\`, ms since navigation start). Ours writes the lines of the first
screenful (16 KB of text) at once and the rest in 64 KB steps, one task each, from two frames later; the
column "whole text in the DOM" is when the last step ran. The peer draws the highlights in the viewport.
Fresh browser context (empty localStorage) per run.

${firstRenderTable(r)}

## Add one annotation

20 annotations per run, spread over the document (\`${MAIN_FIXTURE}\`) or all in the paragraph that holds
500 (\`${DENSE_FIXTURE}\`), each selected with the real mouse (press, 8 moves over 360 ms, rest 60 ms,
release). Ours: then \`c\`; its bar is the keydown's Event Timing duration (input to next paint; the API
reports only events of 16 ms or more, so a missing entry counts as 16 ms). The peer creates the
annotation on pointerup. "In page" is the same for both sides: from the input event's timeStamp to the
task after the frame that painted the new highlight.

${addTable(r)}

## Scroll

The window scrolled from top to bottom with \`mouse.wheel\` steps of 1,500 px over the text, after the adds
and their undo; frame times are \`requestAnimationFrame\` deltas in the page (16.7 ms at 60 Hz).

${scrollTable(r)}

## Save, restore, export (\`${MAIN_FIXTURE}\`, 10,000 annotations)

Timed inside the page by the bench build (\`window.newsAnnotatorBench\`) and by the peer page
(\`window.peerBench\`), after one unmeasured call, one measured call per run (a call over 1 s, the peer's
restore, is measured once).

${apiTable(r)}

## Memory (after garbage collection, before and after 20 adds and their undo)

"Before" is taken after one unmeasured add and its undo (so one-time allocations such as the toolbar, the
detail panel and the harness's observers are not counted as growth); medians over the runs.

${memoryTable(r)}

## Download

${downloadTable(r)}

### What the wasm is made of

${contributorsSection(r)}
${kept ? `\n${kept}\n` : ''}
## Method: what each side does

- **Fixtures** (\`bench/fixtures.mjs\`): seeded (mulberry32), generated into \`target/bench/fixtures/\` on
  each run. News-like paragraphs of about 600 characters; 5–35 code point spans in one paragraph each, on
  grapheme boundaries. \`overlap\`: 10 % nested, 5 % crossing; \`dense\`: 500 annotations in paragraph 10;
  \`unicode\`: curly quotes, accents (also combining), emoji and a flag.
- **Ours**: the release build with the \`bench\` feature (\`dist-bench/\`) at \`/?fixture=…\`: it fetches the
  fixture, adds the article and its annotations to the workspace, opens it and marks
  \`news-annotator:rendered\` when the text and highlights are in the DOM; the harness then marks
  \`painted\` after \`requestAnimationFrame\` + \`setTimeout\`.
- **Peer** (\`bench/peer/\`): the same fixture text as one \`<p>\` per line in a column of the same width and
  type; \`createTextAnnotator(container)\` with a style per label, then every annotation (offsets converted
  to UTF-16) through its store's bulk load, which makes a DOM Range per annotation and indexes its client
  rects. \`painted\` is marked at the renderer's first redraw after that (it draws in a
  \`requestAnimationFrame\` callback and emits \`onRedraw\` from a \`setTimeout\` set there: the same point).
  The page has no \`content-visibility\` (the library measures every annotation's client rects when it
  loads them, which lays out the whole text anyway); its renderer's own \`console.log\` per redraw stays.
  The peer has no labels, storage or export of its own: its save is W3C JSON of its store into
  localStorage, restore parses that and bulk-loads it again, export is the W3C JSON (its variant with
  quote prefix/suffix clones the DOM from the top for every annotation: 11 s for 1,000 annotations at
  100 KB, so it is left out at 10,000).
- **Both**: served by one loopback server (no compression; COOP/COEP so that
  \`measureUserAgentSpecificMemory\` is available), Debian Chromium with the flags of TOOLCHAIN.md, viewport
  1280×900, a fresh context per run; long tasks from \`PerformanceObserver('longtask')\`, memory from CDP
  \`Performance.getMetrics\` after \`HeapProfiler.collectGarbage\`.
${errors.length ? `\n## Errors\n\n${errors.map((e) => `- ${e.replace(/\n/g, ' ').slice(0, 400)}`).join('\n')}\n` : ''}`;
}

/** A short plain-text summary for the terminal (smoke and full runs). */
export function renderSummary(r, opts) {
  const bars = evaluateBars(r, opts);
  const mark = { true: 'ok  ', false: 'FAIL', reported: 'info' };
  const lines = bars.map((b) => `${mark[b.ok] ?? 'n/a '}  ${b.name}: ${b.value === null || b.value === undefined ? 'n/a' : b.value.toFixed(1)} (bar ${b.target}) ${b.detail}`);
  return { bars, text: lines.join('\n') };
}
