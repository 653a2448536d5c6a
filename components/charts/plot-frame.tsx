import type { ReactNode } from "react";
import { MARGIN, PLOT_LEFT, pct, type Tick } from "./plot-geometry";

/**
 * What every chart is drawn in: the value axis on the left, the plot (`children`, over a horizontal grid line per
 * tick) and, `below` pixels tall under it, the axis across (`across`: SVG in the plot's width, y from its top).
 */
export function PlotFrame({
  ticks,
  label,
  below,
  across,
  children,
}: {
  ticks: Tick[];
  label: (value: number) => string;
  below: number;
  across: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <ValueAxis ticks={ticks} label={label} bottom={below} />
      <div className="absolute" style={{ left: PLOT_LEFT, right: MARGIN.right, top: MARGIN.top, bottom: below }}>
        <svg className="absolute inset-0 size-full overflow-visible">
          {ticks.map((t) => (
            <line
              key={t.value}
              x1="0"
              x2="100%"
              y1={pct(t.y)}
              y2={pct(t.y)}
              stroke="currentColor"
              strokeOpacity={0.15}
            />
          ))}
        </svg>
        {children}
      </div>
      <svg
        className="absolute bottom-0 overflow-visible"
        style={{ left: PLOT_LEFT, width: `calc(100% - ${PLOT_LEFT + MARGIN.right}px)`, height: below }}
      >
        {across}
      </svg>
    </>
  );
}

/** The value axis left of the plot: its line, a 6 px mark and a right-aligned label per tick. */
function ValueAxis({ ticks, label, bottom }: { ticks: Tick[]; label: (value: number) => string; bottom: number }) {
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
