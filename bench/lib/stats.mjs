// Order statistics for small samples (nearest rank, as in most benchmark reports).

const sorted = (xs) => xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);

/** The q-quantile (0..1) by nearest rank; null for an empty sample. */
export function quantile(xs, q) {
  const s = sorted(xs);
  if (!s.length) return null;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** Median (mean of the two middle values for an even count). */
export function median(xs) {
  const s = sorted(xs);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** {n, median, p90, min, max} of a sample. */
export function summary(xs) {
  const s = sorted(xs);
  return { n: s.length, median: median(s), p90: quantile(s, 0.9), min: s[0] ?? null, max: s[s.length - 1] ?? null };
}
