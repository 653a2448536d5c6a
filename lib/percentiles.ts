/** Nearest-rank percentiles over (value, count) pairs sorted by value; null when there are none. */
export function percentiles(pairs: [number, number][], ranks: number[]) {
  const total = pairs.reduce((sum, [, n]) => sum + n, 0);
  const out: Record<string, number | null> = {};
  for (const p of ranks) {
    const rank = Math.max(1, Math.ceil((p / 100) * total));
    let seen = 0;
    out[`p${p}`] = null;
    for (const [value, n] of pairs) {
      seen += n;
      if (seen >= rank) {
        out[`p${p}`] = value;
        break;
      }
    }
  }
  return out as { p50: number | null; p95: number | null; p99: number | null };
}
