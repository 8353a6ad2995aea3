// The order of the visit cells' page loads: every round loads each page once, in the same order (ours,
// peer, static, ours, peer, static, …), so that drift in the machine's load falls on all pages alike.

/**
 * [{key, round, warm}] for `warmup` unmeasured rounds and then `runs` measured ones over `keys`; `round`
 * counts from 0 over all rounds, warm-up included.
 */
export function interleave(keys, runs, warmup = 0) {
  if (!Number.isInteger(runs) || runs < 0 || !Number.isInteger(warmup) || warmup < 0) throw new Error(`runs and warmup must be whole numbers ≥ 0, not ${runs} and ${warmup}`);
  const out = [];
  for (let round = 0; round < warmup + runs; round++) {
    for (const key of keys) out.push({ key, round, warm: round < warmup });
  }
  return out;
}
