/** The improvements a plot shows, in its own units (−1 = the score's whole before level, or spread, lost). */
const DOMAIN: [number, number] = [-1.5, 1.5];

/**
 * A swap's estimated improvement as a point on its 90 % interval, against the rollback threshold (dashed) and no
 * change (0): one row of a forest plot, drawn on the server, the same scale in every row so rows compare by eye.
 * An interval past the scale's edge ends in an arrow. Hidden from assistive technology: the text beside it says the
 * same numbers.
 */
export function IntervalPlot({
  value,
  low,
  high,
  threshold,
  width = 132,
}: {
  value: number;
  low: number;
  high: number;
  threshold: number;
  width?: number;
}) {
  const height = 18;
  const pad = 6;
  const x = (v: number) => pad + ((clamp(v) - DOMAIN[0]) / (DOMAIN[1] - DOMAIN[0])) * (width - 2 * pad);
  const mid = height / 2;
  const tone =
    low > threshold
      ? "text-emerald-700 dark:text-emerald-400"
      : high < threshold
        ? "text-rose-700 dark:text-rose-400"
        : "text-zinc-600 dark:text-zinc-300";
  return (
    <svg aria-hidden width={width} height={height} viewBox={`0 0 ${width} ${height}`} className={`block ${tone}`}>
      <line x1={x(0)} x2={x(0)} y1={1} y2={height - 1} className="stroke-zinc-300 dark:stroke-zinc-600" />
      <line
        x1={x(threshold)}
        x2={x(threshold)}
        y1={1}
        y2={height - 1}
        strokeDasharray="2 2"
        className="stroke-[#D55E00] dark:stroke-[#F0A050]"
      />
      <line x1={x(low)} x2={x(high)} y1={mid} y2={mid} stroke="currentColor" strokeWidth={2} />
      {low < DOMAIN[0] ? <path d={`M${pad - 4} ${mid} l5 -4 v8 z`} fill="currentColor" /> : null}
      {high > DOMAIN[1] ? <path d={`M${width - pad + 4} ${mid} l-5 -4 v8 z`} fill="currentColor" /> : null}
      <circle cx={x(value)} cy={mid} r={3.5} fill="currentColor" />
    </svg>
  );
}

const clamp = (v: number) => Math.max(DOMAIN[0], Math.min(DOMAIN[1], v));
