import { MARGIN, PLOT_LEFT, pct, type Tick } from "./plot-geometry";

/**
 * The value axis left of the plot: its line, a 6 px mark and a right-aligned label per tick; `bottom` is the room
 * below the plot, in pixels.
 */
export function ValueAxis({
  ticks,
  label,
  bottom,
}: {
  ticks: Tick[];
  label: (value: number) => string;
  bottom: number;
}) {
  return (
    <svg
      className="absolute left-0 overflow-visible"
      style={{ top: MARGIN.top, width: PLOT_LEFT, height: `calc(100% - ${MARGIN.top + bottom}px)` }}
      aria-hidden
    >
      {ticks.map((t) => (
        <g key={t.value}>
          <line x1={PLOT_LEFT - 6} x2={PLOT_LEFT} y1={pct(t.y)} y2={pct(t.y)} stroke="currentColor" />
          <text x={PLOT_LEFT - 8} y={pct(t.y)} dy="0.355em" textAnchor="end" fill="currentColor" fontSize={11}>
            {label(t.value)}
          </text>
        </g>
      ))}
      <line x1={PLOT_LEFT} x2={PLOT_LEFT} y1={0} y2="100%" stroke="currentColor" />
    </svg>
  );
}
