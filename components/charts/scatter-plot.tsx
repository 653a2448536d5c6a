import { useLocale } from "next-intl";
import { formatTick, type ChartUnit } from "@/lib/chart-units";
import { DAY_AXIS_HEIGHT, MARGIN, PLOT_LEFT, niceScale, pct, valueAxis } from "./plot-geometry";
import { ScatterPointer } from "./scatter-pointer";
import { ValueAxis } from "./value-axis";

type Props = {
  points: { x: number; y: number }[];
  xLabel: string;
  yLabel: string;
  yUnit: ChartUnit;
  currency?: string;
  colour: string;
  height?: number;
};

const BOTTOM_MARGIN = 16;
/** Recharts' default dot: a circle of 64 px² area. */
const DOT_RADIUS = Math.sqrt(64 / Math.PI);

/**
 * One dot per item (a trade: an agent's contribution against its PnL), fed plain numbers by a server component and
 * drawn on the server, with both axes' grid; the tooltip over a dot is the only part that runs in the browser.
 */
export function ScatterPlot({ points, xLabel, yLabel, yUnit, currency, colour, height = 240 }: Props) {
  const locale = useLocale();
  const { y, ticks, domain: yDomain } = valueAxis(points.map((p) => p.y));
  const across = niceScale(points.map((p) => p.x));
  const below = DAY_AXIS_HEIGHT + BOTTOM_MARGIN;
  return (
    <div className="relative text-zinc-500 dark:text-zinc-400" style={{ height }}>
      <ValueAxis ticks={ticks} label={(v) => formatTick(v, yUnit, locale, currency)} bottom={below} />
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
          {across.ticks.map((v) => (
            <line
              key={v}
              x1={pct(across.at(v))}
              x2={pct(across.at(v))}
              y1={0}
              y2="100%"
              stroke="currentColor"
              strokeOpacity={0.15}
            />
          ))}
          <line x1="0" x2="100%" y1="100%" y2="100%" stroke="currentColor" />
          {ticks.some((t) => t.value === 0) ? (
            <line x1="0" x2="100%" y1={pct(y(0))} y2={pct(y(0))} stroke="currentColor" strokeOpacity={0.4} />
          ) : null}
          {points.map((p, i) => (
            <circle key={i} cx={pct(across.at(p.x))} cy={pct(y(p.y))} r={DOT_RADIUS} fill={colour} fillOpacity={0.6} />
          ))}
        </svg>
        <ScatterPointer
          points={points}
          xDomain={across.domain}
          yDomain={yDomain}
          xLabel={xLabel}
          yLabel={yLabel}
          yUnit={yUnit}
          currency={currency}
          locale={locale}
        />
      </div>
      <svg
        className="absolute overflow-visible"
        style={{ left: PLOT_LEFT, bottom: 0, width: `calc(100% - ${PLOT_LEFT + MARGIN.right}px)`, height: below }}
      >
        {across.ticks.map((v) => (
          <g key={v}>
            <line x1={pct(across.at(v))} x2={pct(across.at(v))} y1={0} y2={6} stroke="currentColor" />
            <text x={pct(across.at(v))} y={8} dy="0.71em" textAnchor="middle" fill="currentColor" fontSize={11}>
              {v}
            </text>
          </g>
        ))}
        <text x="50%" y={below - 8} textAnchor="middle" fill="currentColor" fontSize={11}>
          {xLabel}
        </text>
      </svg>
    </div>
  );
}
