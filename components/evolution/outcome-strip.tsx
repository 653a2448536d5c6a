import type { SwapObservation } from "@/db/queries/swap-detail";

// Wide enough that the drawing is shown near its own size on a desktop card, so its text keeps the page's size.
const WIDTH = 1000;
const ROW = 44;
const LEFT = 64;
const RIGHT = 16;

/**
 * The trades of a swap's two windows side by side: one dot per trade at its contribution × 7-day PnL, the window
 * before above the window after, each with its mean as a bar, on one shared scale with 0 marked. Server-drawn SVG
 * that scales with its box; hidden from assistive technology (`labels` name the rows; the tables below list every
 * trade).
 */
export function OutcomeStrip({
  before,
  after,
  labels,
  formatValue,
}: {
  before: SwapObservation[];
  after: SwapObservation[];
  labels: { before: string; after: string };
  formatValue: (value: number) => string;
}) {
  const values = [...before, ...after].map((o) => o.value);
  const reach = Math.max(1, ...values.map(Math.abs));
  const x = (v: number) => LEFT + ((v + reach) / (2 * reach)) * (WIDTH - LEFT - RIGHT);
  const height = 2 * ROW + 24;
  const rows = [
    { label: labels.before, observations: before, y: ROW / 2 + 4, colour: "#0072B2" },
    { label: labels.after, observations: after, y: ROW + ROW / 2 + 4, colour: "#E69F00" },
  ];
  return (
    <svg aria-hidden viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full text-zinc-500 dark:text-zinc-400">
      <line x1={x(0)} x2={x(0)} y1={4} y2={2 * ROW + 4} className="stroke-zinc-300 dark:stroke-zinc-600" />
      {rows.map(({ label, observations, y, colour }) => {
        const mean = observations.length ? observations.reduce((s, o) => s + o.value, 0) / observations.length : null;
        return (
          <g key={label}>
            <text x={0} y={y + 4} className="fill-current text-[12px]">
              {label}
            </text>
            {observations.map((o, i) => (
              // A small vertical jitter by position keeps equal values apart without randomness.
              <circle key={o.rowid} cx={x(o.value)} cy={y + ((i % 5) - 2) * 3} r={3} fill={colour} fillOpacity={0.6} />
            ))}
            {mean === null ? null : (
              <line x1={x(mean)} x2={x(mean)} y1={y - 13} y2={y + 13} stroke={colour} strokeWidth={3} />
            )}
          </g>
        );
      })}
      {(
        [
          [-reach, "start"],
          [0, "middle"],
          [reach, "end"],
        ] as const
      ).map(([v, anchor]) => (
        <text key={v} x={x(v)} y={height - 4} textAnchor={anchor} className="fill-current text-[12px] tabular-nums">
          {formatValue(v)}
        </text>
      ))}
    </svg>
  );
}
