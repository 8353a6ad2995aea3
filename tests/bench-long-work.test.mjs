// The pure parts of the long-work cells of issue 15: the generated files (size, validity, the text of
// each annotation is the article's), the long-task window, how the bars are judged and reported, and
// the reading of a Chromium trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../bench/fixtures.mjs';
import { BIG_IMPORT_BYTES, EXPORT_COUNT, bigImportJson, bundledArticles, exportJson, writeOnce } from '../bench/lib/long-work-file.mjs';
import { tasksIn } from '../bench/lib/long-work.mjs';
import { LONGEST_TASK_MS, longWorkBars, longWorkSection } from '../bench/lib/long-work-report.mjs';
import { renderReport } from '../bench/lib/report.mjs';
import { longTasksOfTrace } from '../bench/lib/task-trace.mjs';

const articles = bundledArticles(REPO_ROOT);

/** Every annotation's exact, prefix and suffix are its article's text at its code point offsets. */
function assertAnchored(file) {
  const texts = new Map(articles.map((a) => [a.id, [...a.text]]));
  for (const a of file.annotations) {
    const chars = texts.get(a.article);
    assert.ok(chars, `unknown article ${a.article}`);
    assert.equal(chars.slice(a.start, a.end).join(''), a.exact);
    assert.equal(chars.slice(Math.max(0, a.start - 32), a.start).join(''), a.prefix);
    assert.equal(chars.slice(a.end, a.end + 32).join(''), a.suffix);
  }
}

test('the bundled articles are those of seeds/manifest.json, each with its length and hash in the files', () => {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'seeds', 'manifest.json'), 'utf8'));
  assert.deepEqual(articles.map((a) => a.id), manifest.map((e) => e.id));
  const file = JSON.parse(exportJson(articles, 10));
  assert.deepEqual(file.articles.map((a) => a.id), manifest.map((e) => e.id));
  assert.deepEqual(file.articles.map((a) => a.length), articles.map((a) => [...a.text].length));
});

test('bigImportJson: at least the asked size and less than one annotation more, valid, fresh ids, anchored', () => {
  const bytes = 400_000;
  const big = bigImportJson(articles, bytes, 100);
  const size = Buffer.byteLength(big.json);
  const file = JSON.parse(big.json);
  assert.ok(size >= bytes, `${size} < ${bytes}`);
  const longest = Math.max(...file.annotations.map((a) => Buffer.byteLength(JSON.stringify(a)) + 1));
  assert.ok(size < bytes + longest, `${size} overshoots ${bytes} by more than one annotation`);
  assert.equal(file.format, 'news-annotator');
  assert.equal(file.version, 1);
  assert.equal(file.annotations.length, big.annotations);
  assert.equal(big.distinct, 100);
  assert.equal(new Set(file.annotations.map((a) => a.id)).size, file.annotations.length);
  assert.equal(new Set(file.annotations.map((a) => `${a.article}:${a.start}-${a.end}:${a.label}`)).size, 100);
  assertAnchored(file);
  // Deterministic.
  assert.equal(bigImportJson(articles, bytes, 100).json, big.json);
  assert.equal(BIG_IMPORT_BYTES, 50_000_000);
});

test('exportJson: 10,000 distinct annotations over every bundled article, anchored', () => {
  const file = JSON.parse(exportJson(articles));
  assert.equal(file.annotations.length, EXPORT_COUNT);
  assert.equal(new Set(file.annotations.map((a) => a.id)).size, EXPORT_COUNT);
  assert.equal(new Set(file.annotations.map((a) => `${a.article}:${a.start}-${a.end}`)).size, EXPORT_COUNT);
  assert.deepEqual(new Set(file.annotations.map((a) => a.article)), new Set(articles.map((a) => a.id)));
  assertAnchored(file);
});

test('writeOnce writes a file, leaves the same content alone and replaces other content', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'long-work-')), 'sub', 'f.json');
  const first = writeOnce(file, 'abc');
  assert.equal(readFileSync(file, 'utf8'), 'abc');
  assert.equal(first.bytes, 3);
  utimesSync(file, new Date(0), new Date(0));
  writeOnce(file, 'abc');
  assert.equal(statSync(file).mtimeMs, 0);
  writeOnce(file, 'abd');
  assert.equal(readFileSync(file, 'utf8'), 'abd');
});

test('tasksIn: the long tasks that ran in [from, to) (the one under way at `from` too), their longest and sum, starts relative to from', () => {
  const tasks = [
    { start: 90, duration: 80 },
    { start: 100, duration: 60 },
    { start: 150, duration: 120 },
    { start: 200, duration: 55 },
  ];
  const x = tasksIn(tasks, 100, 200);
  assert.equal(x.count, 3);
  assert.equal(x.longest, 120);
  assert.equal(x.sum, 260);
  assert.deepEqual(x.tasks, [
    { start: -10, duration: 80 },
    { start: 0, duration: 60 },
    { start: 50, duration: 120 },
  ]);
  assert.deepEqual(tasksIn([], 0, 1), { count: 0, longest: 0, sum: 0, tasks: [] });
});

const lt = (longest) => ({ count: longest ? 1 : 0, longest, sum: longest, tasks: longest ? [{ start: 10, duration: longest }] : [] });
const importRun = (longest, readingFrame = 100, previewAt = 1500) => ({ readingAt: readingFrame - 4, readingFrame, previewAt, previewFrame: previewAt + 5, longTasks: lt(longest) });
const exportRun = (...longests) => ({ formats: longests.map((l, i) => ({ format: `f${i}`, previewMs: 80, inDomMs: 70, longTasks: lt(l), previewChars: 100, droppedLines: 0 })) });

function results({ imports = [], cancels = [], exports = [] } = {}) {
  return {
    longWork: {
      runs: 3,
      warmup: 1,
      errors: [],
      importFile: { bytes: 5e7, annotations: 165973, distinct: 2000, articles: 5 },
      import: { runs: imports, errors: [] },
      cancel: { runs: cancels, errors: [] },
      exportFile: { bytes: 3e6, annotations: 10000, articles: 5 },
      export: { runs: exports, errors: [] },
      importTrace: { tasks: [{ start: 0, after: { mark: 'change import-file', ms: 60 }, ms: 120, children: [{ name: 'HandlePostMessage', ms: 119 }], functions: [{ name: 'bincode | read_vec', ms: 40 }] }], workerMs: 2000 },
      exportTrace: null,
    },
  };
}

test('longWorkBars: the median of the runs\' longest task against 50 ms; progress and cancel in every run', () => {
  const cancel = (unchanged, clicked = true) => ({ readingAt: 90, cancelAt: 120, clicked, waitedMs: 6500, unchanged, longTasks: lt(0) });
  const good = longWorkBars(results({ imports: [importRun(20), importRun(LONGEST_TASK_MS), importRun(300)], cancels: [cancel(true), cancel(true)], exports: [exportRun(10, 40), exportRun(0, 45), exportRun(49, 200)] }));
  assert.deepEqual(good.map((b) => b.ok), [true, true, true, true]);
  assert.equal(good[0].value, LONGEST_TASK_MS);
  assert.match(good[0].detail, /longest of all: 300 ms/);
  assert.equal(good[3].value, 45);

  const bad = longWorkBars(results({ imports: [importRun(51), importRun(60), importRun(10, 1600)], cancels: [cancel(true), cancel(false)], exports: [exportRun(10, 51), exportRun(60)] }));
  assert.equal(bad[0].ok, false);
  assert.equal(bad[1].ok, false, 'progress shown after the preview');
  assert.equal(bad[1].shown, '2 of 3');
  assert.equal(bad[2].ok, false, 'a cancel that changed the workspace');
  assert.equal(bad[3].ok, false);
  assert.equal(longWorkBars(results({ cancels: [cancel(true, false)] }))[2].ok, false, 'a cancel never clicked');

  const none = longWorkBars(results());
  assert.deepEqual(none.map((b) => b.ok), [null, null, null, null]);
  assert.deepEqual(longWorkBars({}), []);
});

test('longWorkSection: the section with its bars, tables and the traced tasks; nothing without results', () => {
  const md = longWorkSection(results({ imports: [importRun(120)], cancels: [], exports: [exportRun(30, 70)] }));
  assert.match(md, /^## Long work off the main thread \(issue 15\)/);
  assert.match(md, /\| 50 MB import: longest main-thread task, file input to preview \| ≤ 50 ms \| 120 ms \| \*\*FAIL\*\* \|/);
  assert.match(md, /\| 10,000 annotations exported, every format: longest main-thread task \| ≤ 50 ms \| 70 ms \| \*\*FAIL\*\* \|/);
  assert.match(md, /165,973 annotations, 2,000 distinct/);
  assert.match(md, /\| 60 after change import-file \| 120 \| HandlePostMessage 119 \| bincode \\\| read_vec 40 \|/);
  assert.match(md, /\| `f1` \| 80 ms \/ 80 ms \| 1 \| 70 ms \/ 70 ms \| 0 \|/);
  assert.match(md, /Not traced\./);
  assert.match(md, /never fail a run/);
  assert.equal(longWorkSection({}), '');
});

test('the report holds the section after the first visit and before the first render, only when measured', () => {
  const meta = { runs: 5, warmup: 1, date: 'd', commit: 'c', dirty: false, machine: { cpu: 'x', cores: 2, memGb: '4', os: 'Linux' }, loadStart: '0', loadEnd: '0', seconds: 1 };
  const base = { meta, fixtures: {}, firstRender: {}, add: {}, api: {}, download: {}, errors: [] };
  const md = renderReport({ ...base, ...results({ imports: [importRun(20)] }) });
  const at = md.indexOf('## Long work off the main thread (issue 15)');
  assert.ok(at > md.indexOf('## Bars (issue 3)') && at < md.indexOf('## First render'));
  assert.ok(!renderReport(base).includes('Long work'));
});

test('longTasksOfTrace: the outermost long tasks of the busiest renderer main thread, their events, sampled functions and the last mark', () => {
  const M = (pid, tid, name) => ({ ph: 'M', name: 'thread_name', pid, tid, args: { name } });
  const X = (pid, tid, name, ts, dur, data) => ({ ph: 'X', name, pid, tid, ts, dur, ...(data ? { args: { data } } : {}) });
  const events = [
    M(1, 1, 'CrRendererMain'),
    M(2, 1, 'CrRendererMain'),
    M(1, 7, 'DedicatedWorker thread'),
    // Another page's renderer, less busy.
    X(2, 1, 'RunTask', 0, 60_000),
    // The page: a short task, then a long one holding a nested RunTask, a dispatch and a GC.
    X(1, 1, 'RunTask', 1_000, 10_000),
    X(1, 1, 'RunTask', 100_000, 120_000),
    X(1, 1, 'ThreadControllerImpl::RunTask', 100_000, 120_000),
    X(1, 1, 'HandlePostMessage', 100_500, 90_000),
    X(1, 1, 'FunctionCall', 101_000, 80_000, { functionName: 'onmessage', url: 'http://x/app.js' }),
    X(1, 1, 'EventDispatch', 195_000, 20_000, { type: 'click' }),
    X(1, 7, 'RunTask', 0, 500_000),
    { ph: 'R', cat: 'blink.user_timing', name: 'lw:change import-file', pid: 1, tid: 1, ts: 40_000 },
    { ph: 'R', cat: 'blink.user_timing', name: 'other mark', pid: 1, tid: 1, ts: 90_000 },
    { ph: 'P', name: 'Profile', id: '0x1', pid: 1, tid: 1, ts: 0, args: { data: { startTime: 100_000 } } },
    {
      ph: 'P',
      name: 'ProfileChunk',
      id: '0x1',
      pid: 1,
      tid: 1,
      ts: 0,
      args: { data: { cpuProfile: { nodes: [{ id: 1, callFrame: { functionName: '(root)' } }, { id: 2, callFrame: { functionName: 'decode' } }, { id: 3, callFrame: { functionName: '', url: 'http://x/app.js' } }], samples: [2, 2, 3] }, timeDeltas: [0, 30_000, 30_000] } },
    },
  ];
  const out = longTasksOfTrace({ traceEvents: events });
  assert.equal(out.tasks.length, 1, 'the short task is left out and the nested RunTask is not counted twice');
  const [t] = out.tasks;
  assert.equal(t.ms, 120);
  assert.equal(t.start, 99);
  assert.deepEqual(t.after, { mark: 'change import-file', ms: 60 });
  assert.deepEqual(t.children, [
    { name: 'HandlePostMessage', ms: 90 },
    { name: 'EventDispatch click', ms: 20 },
  ]);
  assert.deepEqual(t.functions, [
    { name: 'decode', ms: 60 },
    { name: '(anonymous) app.js', ms: 60 },
  ]);
  assert.equal(out.workerMs, 500);
  assert.deepEqual(longTasksOfTrace([]).tasks, []);
});

test('corpusJsonl: the texts, spans and bytes asked for, each span a whole word of its distinct text', async () => {
  const { corpusJsonl } = await import('../bench/lib/long-work-file.mjs');
  const c = corpusJsonl({ texts: 20, spans: 200, bytes: 100_000 });
  assert.equal(c.texts, 20);
  assert.equal(c.spans, 200);
  assert.ok(Math.abs(c.bytes - 100_000) < 10_000, `about the bytes asked for (${c.bytes})`);
  const lines = c.jsonl.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(new Set(lines.map((l) => l.text)).size, 20, 'distinct texts');
  for (const l of lines) {
    assert.equal(l.label.length, 10);
    for (const [s, e] of l.label) assert.match(l.text.slice(s, e), /^[A-Za-z]+$/);
  }
  assert.deepEqual([...new Set(lines.flatMap((l) => l.label.map((x) => x[2])))].sort(), ['DATE', 'GPE', 'LOC', 'ORG', 'PER']);
});

test('the corpus cell: its two task bars (the second over every click of Merge) and a section that says what each click did', () => {
  const step = (name, frame, longest, outcome = 'applied') => ({ name, frame, outcome, longTasks: lt(longest) });
  const run = (preview, steps) => ({ ...importRun(preview), steps, merge: { longTasks: { longest: Math.max(...steps.map((x) => x.longTasks.longest)) }, outcome: steps.at(-1).outcome } });
  const refused = [step('Merge', 300, 60, 'This browser\'s storage is full: …'), step('Keep the first 423 texts', 20, 0), step('Merge of those 423 texts', 200, 30)];
  const r = { longWork: { runs: 3, warmup: 0, errors: [], corpusFile: { bytes: 5e6, texts: 1000, spans: 50000 }, corpus: { runs: [run(20, [step('Merge', 210, 30)]), run(40, refused)], errors: [] } } };
  const bars = longWorkBars(r);
  assert.deepEqual(bars.map((b) => [b.name.split(': ')[1], b.ok]), [
    ['longest main-thread task, file input to preview', true],
    ['longest main-thread task, Merge to the result on screen (every click of it)', true],
  ]);
  assert.equal(bars[1].value, 45, 'the median of the runs\' longest over every click');
  const md = longWorkSection(r);
  assert.match(md, /### A corpus of 1,000 texts \(issue 16\)/);
  assert.match(md, /1,000 texts the app does not have, 50,000 one-word spans/);
  assert.match(md, /\| Keep the first 423 texts: click to the result on screen \| 20 ms \/ 20 ms \|/);
  assert.match(md, /What each click did: Merge: applied \(every text in the article list\); Merge: refused: “This browser's storage is full: …”; Keep the first 423 texts: applied/);
});
