// The bars of the long-work cells (issue 15) and their section of BENCHMARKS.md, "Long work off the main
// thread (issue 15)", from results.longWork (long-work-cells.mjs). Report only: the run never fails on
// them. Pure.
import { median, summary } from './stats.mjs';

/** The issue's bar: no task on the page's main thread longer than this, in ms. */
export const LONGEST_TASK_MS = 50;

const ms = (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
const status = (ok) => (ok === true ? 'pass' : ok === false ? '**FAIL**' : 'not measured');
const esc = (s) => String(s).replaceAll('|', '\\|');

/** The longest task of each export run: over all its formats. */
const exportLongest = (lw) => (lw?.export?.runs ?? []).map((x) => Math.max(0, ...x.formats.map((f) => f.longTasks.longest)));

/**
 * [{name, target, value, shown, ok, detail}] of the long-work cells in `r` (ok: true, false, or null when
 * not measured). The task bars hold the median over the runs of each run's longest task.
 */
export function longWorkBars(r) {
  const lw = r.longWork;
  const rows = [];
  if (!lw) return rows;
  const taskBar = (name, longest) => {
    const m = median(longest);
    rows.push({
      name,
      target: `≤ ${LONGEST_TASK_MS} ms`,
      value: m,
      shown: ms(m),
      ok: m === null ? null : m <= LONGEST_TASK_MS,
      detail: longest.length ? `median of ${longest.length} runs' longest task; the longest of all: ${ms(Math.max(...longest))}` : 'not measured',
    });
  };
  // A bar every run must pass: `good` of the `runs` did; `detail` says how, when there were runs.
  const everyRun = (name, runs, good, detail) =>
    rows.push({
      name,
      target: 'every run',
      value: good.length,
      shown: `${good.length} of ${runs.length}`,
      ok: runs.length ? good.length === runs.length : null,
      detail: runs.length ? detail() : 'not measured',
    });
  if (lw.import) {
    const runs = lw.import.runs;
    taskBar('50 MB import: longest main-thread task, file input to preview', runs.map((x) => x.longTasks.longest));
    const shown = runs.filter((x) => Number.isFinite(x.readingFrame) && x.readingFrame <= x.previewAt);
    everyRun('50 MB import: progress visible before the preview', runs, shown, () =>
      `progress on screen at ${ms(median(runs.map((x) => x.readingFrame)))}, preview at ${ms(median(runs.map((x) => x.previewFrame)))} (medians, from the file input's change)`);
  }
  if (lw.cancel) {
    const runs = lw.cancel.runs;
    const good = runs.filter((x) => x.clicked && x.unchanged);
    everyRun('50 MB import: cancel leaves the workspace unchanged', runs, good, () =>
      `cancelled at ${ms(median(runs.map((x) => x.cancelAt)))} (median), then ${ms(median(runs.map((x) => x.waitedMs)))} waited; article counts, total, saved state, no preview`);
  }
  if (lw.export) taskBar('10,000 annotations exported, every format: longest main-thread task', exportLongest(lw));
  if (lw.corpus) {
    const runs = lw.corpus.runs;
    taskBar('corpus of 1,000 texts (issue 16): longest main-thread task, file input to preview', runs.map((x) => x.longTasks.longest));
    taskBar('corpus of 1,000 texts (issue 16): longest main-thread task, Merge to the result on screen (every click of it)', runs.map((x) => x.merge.longTasks.longest));
  }
  return rows;
}

function importTable(lw) {
  const rows = [];
  const line = (what, xs, f, show = ms) => {
    const s = summary(xs.map(f));
    rows.push([what, s.n ? `${show(s.median)} / ${show(s.max)}` : '–']);
  };
  const count = (x) => `${x}`;
  const runs = lw.import?.runs ?? [];
  line('progress notice in the DOM', runs, (x) => x.readingAt);
  line('progress notice on screen (next frame)', runs, (x) => x.readingFrame);
  line('import preview in the DOM', runs, (x) => x.previewAt);
  line('import preview on screen', runs, (x) => x.previewFrame);
  line('long tasks until the preview (count)', runs, (x) => x.longTasks.count, count);
  line('longest long task', runs, (x) => x.longTasks.longest);
  line('sum of long tasks', runs, (x) => x.longTasks.sum);
  const cancel = lw.cancel?.runs ?? [];
  line('cancelled: the click on Cancel', cancel, (x) => x.cancelAt);
  line('cancelled: long tasks to the end of the wait (count)', cancel, (x) => x.longTasks.count, count);
  line('cancelled: longest long task to the end of the wait', cancel, (x) => x.longTasks.longest);
  return table(['from the file input’s change event to', 'median / max'], rows);
}

function importRunsTable(lw) {
  const runs = lw.import?.runs ?? [];
  return table(
    ['run', 'long tasks (start after the change: duration, ms)'],
    runs.map((x, i) => [i + 1, x.longTasks.tasks.map((t) => `${t.start}: ${t.duration}`).join(', ') || 'none']),
  );
}

function exportTable(lw) {
  const runs = lw.export?.runs ?? [];
  const formats = [...new Set(runs.flatMap((x) => x.formats.map((f) => f.format)))];
  return table(
    ['format', 'preview on screen, median / max', 'long tasks (median count)', 'longest task, median / max', 'lines in "left out or changed"'],
    formats.map((format, i) => {
      const fs = runs.map((x) => x.formats.find((f) => f.format === format)).filter(Boolean);
      const t = summary(fs.map((f) => f.previewMs));
      const l = summary(fs.map((f) => f.longTasks.longest));
      return [`\`${format}\`${i === 0 ? ' (the dialog opened)' : ''}`, `${ms(t.median)} / ${ms(t.max)}`, `${median(fs.map((f) => f.longTasks.count))}`, `${ms(l.median)} / ${ms(l.max)}`, `${median(fs.map((f) => f.droppedLines ?? 0))}`];
    }),
  );
}

function corpusTable(lw) {
  const runs = lw.corpus?.runs ?? [];
  const line = (what, values) => {
    const s = summary(values);
    return [what, s.n ? `${ms(s.median)} / ${ms(s.max)}` : '–'];
  };
  const names = [...new Set(runs.flatMap((x) => x.steps.map((st) => st.name)))];
  const steps = names.flatMap((name) => {
    const of = runs.map((x) => x.steps.find((st) => st.name === name)).filter(Boolean);
    return [line(`${name}: click to the result on screen`, of.map((st) => st.frame)), line(`${name}: longest task`, of.map((st) => st.longTasks.longest))];
  });
  const outcomes = [...new Set(runs.flatMap((x) => x.steps.map((st) => `${st.name}: ${st.outcome === 'applied' ? 'applied (every text in the article list)' : `refused: “${esc(st.outcome)}”`}`)))];
  return `${table(['what', 'median / max'], [
    line('file input to the import preview on screen', runs.map((x) => x.previewFrame)),
    line('longest task until the preview', runs.map((x) => x.longTasks.longest)),
    ...steps,
  ])}

What each click did: ${outcomes.join('; ') || '–'}.`;
}

/** The traced run's long tasks: what each was made of. */
function traceTable(trace) {
  if (!trace?.tasks?.length) return trace ? `No task of ${LONGEST_TASK_MS} ms or more in the traced run${trace.note ? ` (${trace.note})` : ''}.` : 'Not traced.';
  const list = (xs) => xs.map((x) => `${esc(x.name)} ${x.ms}`).join('; ');
  return `${table(
    ['task: ms after the last mark (the harness\'s action, or what showed)', 'ms', 'largest events in it (ms)', 'sampled functions, self time (ms)'],
    trace.tasks.map((t) => [t.after ? `${t.after.ms} after ${esc(t.after.mark)}` : `${t.start} after the trace began`, t.ms, list(t.children), list(t.functions)]),
  )}

The worker's threads ran tasks for ${ms(trace.workerMs)} in the traced run.`;
}

/** The whole section; '' when the run measured neither cell. */
export function longWorkSection(r) {
  const lw = r.longWork;
  if (!lw) return '';
  const bars = longWorkBars(r);
  const f = lw.importFile;
  const e = lw.exportFile;
  const errors = lw.errors?.length ? `\n\nErrors in these cells (they never fail the run):\n\n${lw.errors.map((x) => `- ${x.replace(/\n/g, ' ').slice(0, 300)}`).join('\n')}` : '';
  return `## Long work off the main thread (issue 15)

${table(['bar', 'target', 'value', 'status', 'detail'], bars.map((b) => [b.name, b.target, b.shown, status(b.ok), b.detail]))}
${lw.import ? `
### 50 MB import

${f ? `${(f.bytes / 1e6).toFixed(1)} MB of the app's own format (version 1): ${f.annotations.toLocaleString('en-US')} annotations, ${f.distinct.toLocaleString('en-US')} distinct ones repeated with fresh ids, on the ${f.articles} bundled articles.` : ''}
${lw.import.runs.length} runs${lw.import.errors.length ? ` (${lw.import.errors.length} failed)` : ''}, ${lw.cancel?.runs.length ?? 0} cancelled runs.

${importTable(lw)}

${importRunsTable(lw)}

What the long tasks of one more (traced) run were made of:

${traceTable(lw.importTrace)}
` : ''}${lw.export ? `
### Exporting 10,000 annotations

${e ? `${e.annotations.toLocaleString('en-US')} distinct annotations on the ${e.articles} bundled articles, merged from a native file (${(e.bytes / 1e6).toFixed(1)} MB).` : ''}
${lw.export.runs.length} runs${lw.export.errors.length ? ` (${lw.export.errors.length} failed)` : ''}; the times are from the click on Export… (the first format) or the select's change event to the task after the frame that showed the new preview.

${exportTable(lw)}

What the long tasks of one more (traced) run were made of:

${traceTable(lw.exportTrace)}
` : ''}${lw.corpus ? `
### A corpus of 1,000 texts (issue 16)

${lw.corpusFile ? `${(lw.corpusFile.bytes / 1e6).toFixed(1)} MB of doccano JSONL (\`corpusJsonl\` in \`bench/lib/long-work-file.mjs\`): ${lw.corpusFile.texts.toLocaleString('en-US')} texts the app does not have, ${lw.corpusFile.spans.toLocaleString('en-US')} one-word spans labelled PER, LOC, ORG, GPE and DATE in turn (DATE left out by the default mapping).` : ''}
${lw.corpus.runs.length} runs${lw.corpus.errors.length ? ` (${lw.corpus.errors.length} failed)` : ''}; Merge is a real click, timed from its click event until every text is in the article list, or the app's refusal, is on screen; when storage refuses and offers a part, that offer and Merge again are real clicks too.

${corpusTable(lw)}
` : ''}
Each run in a new browser context on the shipped build (\`dist/\`) at \`/\` of the harness's loopback
server, after the app's first paint and 1.5 s for its worker to start. The import hands the file
(\`target/bench/long-work/\`, written once) to the header's file input (\`setInputFiles\` with its path);
the times are the page's clock from the input's change event (a capture listener, before the app's):
"in the DOM" from a MutationObserver, "on screen" the task after the next frame. Long tasks are the
page's \`PerformanceObserver('longtask')\` entries that ran in that span (the one under way at its start too). The cancelled run clicks the
notice's Cancel with the real mouse as soon as it can, waits ${lw.cancel?.runs[0] ? ms(lw.cancel.runs[0].waitedMs) : 'the uncancelled median plus 5 s'} (the uncancelled runs' median time to the preview plus 5 s) and
compares the article list's counts, the header's total and the saved state with what they were before the
file was given. The traced runs (Chromium tracing with the V8 sampling profiler, \`bench/lib/task-trace.mjs\`)
are not counted in the bars. Report only: these cells never fail a run, and \`--smoke\` leaves them out.${errors}
`;
}
