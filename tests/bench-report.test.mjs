// The benchmark report (bench/lib/report.mjs) is generated, but for its hand-written part between the
// KEPT markers (BENCHMARKS.md's download size history): a new report keeps that part of the file it
// replaces, byte for byte, and a broken marker is reported instead of losing it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEPT_END, KEPT_START, keptPart, renderReport, writeReport } from '../bench/lib/report.mjs';

const REPO_ROOT = new URL('..', import.meta.url).pathname;

/** The results of a run that measured nothing, made on `date`. */
function results(date) {
  return {
    meta: {
      runs: 5,
      warmup: 1,
      date,
      commit: 'abc1234',
      dirty: false,
      machine: { cpu: 'Test CPU', cores: 2, memGb: '4.0', os: 'Linux' },
      loadStart: '0.10',
      loadEnd: '0.20',
      appBuild: 'dist-bench/app.wasm',
      browser: 'Chromium 1',
      chromium: '/usr/bin/chromium',
      playwright: '1.0.0',
      node: 'v20',
      peerVersion: '4.1.1',
      command: 'node bench/run.mjs',
      seconds: 1,
    },
    fixtures: {},
    firstRender: {},
    add: {},
    api: {},
    download: {},
    errors: [],
  };
}

const HISTORY = `${KEPT_START}\n## Download size history\n\n| after | download |\n|---|---|\n| issue 7 | about 362 KB |\n${KEPT_END}`;

/** A directory of its own for each test, removed after it. */
function inTempDir(t) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('a new report keeps the hand-written part of the one it replaces and renews the rest', (t) => {
  const file = join(inTempDir(t), 'BENCHMARKS.md');
  writeFileSync(file, renderReport(results('2026-01-01T00:00:00Z'), { kept: HISTORY }));
  writeReport(file, results('2026-02-02T00:00:00Z'));
  const report = readFileSync(file, 'utf8');
  assert.equal(keptPart(report), HISTORY);
  assert.equal(report.split(KEPT_START).length, 2, 'the part appears once');
  assert.match(report, /2026-02-02T00:00:00Z/);
  assert.doesNotMatch(report, /2026-01-01T00:00:00Z/);
  assert.ok(report.indexOf(KEPT_END) < report.indexOf('## Method'), 'the part comes before "Method"');
});

test('a report without the markers, or no report yet, gives a report without a kept part', (t) => {
  const dir = inTempDir(t);
  const fresh = join(dir, 'fresh.md');
  writeReport(fresh, results('2026-03-03T00:00:00Z'));
  assert.equal(keptPart(readFileSync(fresh, 'utf8')), '');
  assert.equal(keptPart('# Benchmarks\n\nno markers here\n'), '');
});

test('a start marker without its end is refused and the file is left as it was', (t) => {
  const file = join(inTempDir(t), 'BENCHMARKS.md');
  const broken = `# Benchmarks\n\n${KEPT_START}\n## Download size history\n\nthe end marker was deleted\n`;
  writeFileSync(file, broken);
  assert.throws(() => writeReport(file, results('2026-04-04T00:00:00Z')), /no "<!-- \/kept -->" after it; nothing written/);
  assert.equal(readFileSync(file, 'utf8'), broken);
});

test('the committed BENCHMARKS.md has the size history in the part a new report keeps', () => {
  const committed = readFileSync(join(REPO_ROOT, 'BENCHMARKS.md'), 'utf8');
  const kept = keptPart(committed);
  assert.match(kept, /^<!-- kept:[^\n]*\n## Download size history\n/);
  assert.match(kept, /NA_SIZE_GUARD_KB/);
  const next = renderReport(results('2026-05-05T00:00:00Z'), { kept });
  assert.equal(keptPart(next), kept);
});
