import { useLocale } from "next-intl";
import { formatTick, type ChartUnit } from "@/lib/chart-units";
import { DAY_AXIS_HEIGHT, niceScale, pct, valueAxis } from "./plot-geometry";
import { ScatterPointer } from "./scatter-pointer";
import { PlotFrame } from "./plot-frame";

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
      <PlotFrame
        ticks={ticks}
        label={(v) => formatTick(v, yUnit, locale, currency)}
        below={below}
        across={
          <>
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
          </>
        }
      >
        <svg className="absolute inset-0 size-full overflow-visible">
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
      </PlotFrame>
    </div>
  );
}
