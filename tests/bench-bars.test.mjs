// How the benchmark's smoke run (CI) judges its results (bench/lib/bars.mjs): never on an absolute time,
// only on our first render over the peer's in the same run and on the download size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BARS, SMOKE_FIXTURE, evaluateBars, smokePassed } from '../bench/lib/bars.mjs';

/** Results of a smoke run: first renders of both sides, adds of ours, and the download in KB. */
function results({ ours, peer, addMs = 10, kb = 100 }) {
  const runs = (xs) => ({ runs: xs.map((painted) => ({ painted })), errors: [] });
  const firstRender = { [SMOKE_FIXTURE]: { ours: runs(ours), ...(peer ? { peer: runs(peer) } : {}) } };
  const adds = Array.from({ length: 20 }, () => ({ eventMs: addMs, inputToPaintMs: addMs }));
  return {
    meta: { smoke: true },
    firstRender,
    add: { [SMOKE_FIXTURE]: { ours: { runs: [{ adds }], errors: [] } } },
    api: {},
    download: { dist: { total: { brotli: kb * 1024 } } },
  };
}
const judge = (r) => smokePassed(evaluateBars(r, { relative: true, fixture: SMOKE_FIXTURE }));

test('a slow machine passes: absolute times far past their bars are only reported', () => {
  const slow = results({ ours: [900, 1000, 1100], peer: [1500, 1600, 1700], addMs: 10 * BARS.addP90 });
  const bars = evaluateBars(slow, { relative: true, fixture: SMOKE_FIXTURE });
  assert.equal(smokePassed(bars), true);
  const add = bars.find((b) => b.name.includes('keydown to next paint'));
  assert.equal(add.ok, 'reported');
  assert.equal(bars.find((b) => b.name.includes('ours / peer')).value, 1000 / 1600);
});

test('a first render slower than the peer in the same run fails', () => {
  assert.equal(judge(results({ ours: [300, 310, 320], peer: [200, 210, 220] })), false);
});

test('a run without the peer fails: there is nothing to compare with', () => {
  assert.equal(judge(results({ ours: [100, 110, 120] })), false);
});

test('the download size is judged exactly, with no margin', () => {
  const fast = { ours: [100, 110, 120], peer: [200, 210, 220] };
  assert.equal(judge(results({ ...fast, kb: BARS.sizeKb })), true);
  assert.equal(judge(results({ ...fast, kb: BARS.sizeKb + 0.1 })), false);
});

test('a full run still holds every time against its bar', () => {
  const r = results({ ours: [100, 110, 120], peer: [200, 210, 220], addMs: 10 * BARS.addP90 });
  const add = evaluateBars(r, { fixture: SMOKE_FIXTURE }).find((b) => b.name.includes('keydown to next paint'));
  assert.equal(add.ok, false);
});
