import { useLocale } from "next-intl";
import { formatTick, type ChartUnit } from "@/lib/chart-units";
import { formatAxisDay } from "@/lib/format";
import { ChartPointer } from "./chart-pointer";
import {
  DAY_AXIS_HEIGHT,
  MARGIN,
  PATH_BOX,
  areaPath,
  barPath,
  barSlot,
  barWidth,
  dayAxis,
  dayLabelWidths,
  linePath,
  pct,
  stackValues,
  valueAxis,
} from "./plot-geometry";
import { SHOW_FROM } from "./show-from";
import { PlotFrame } from "./plot-frame";

export type ChartSeries = { key: string; label: string; colour: string };
export type ChartRow = { date: string } & Record<string, number | string | null>;
export type ChartMarker = { date: string; label: string };
export type ChartBand = { from: string; to: string; label: string };

type Props = {
  data: ChartRow[];
  series: ChartSeries[];
  kind: "line" | "area" | "bar";
  unit: ChartUnit;
  currency?: string;
  stacked?: boolean;
  /** Events drawn as vertical lines (model swaps). */
  markers?: ChartMarker[];
  /** Spans drawn as shaded areas (a swap's validation window). */
  bands?: ChartBand[];
  height?: number;
};

/**
 * A chart over calendar days, drawn on the server: the page arrives with it and the browser runs nothing for it
 * until a pointer comes over it (`ChartPointer`, the tooltip). Where the marks go: plot-geometry.ts.
 */
export function TimeSeriesChart({
  data,
  series,
  kind,
  unit,
  currency,
  stacked = false,
  markers = [],
  bands = [],
  height = 240,
}: Props) {
  const locale = useLocale();
  const banded = kind === "bar";
  const segments = stackValues(
    data,
    series.map((s) => s.key),
    stacked,
  );
  const { y, ticks } = valueAxis(segments.flat().flatMap((s) => s ?? []));
  const { x, band } = dayAxis(data.length, banded);
  const dayIndex = new Map(data.map((row, i) => [row.date, i]));
  const labels = data.map((row) => formatAxisDay(row.date, locale));
  const showFrom = dayLabelWidths(labels, banded);
  const slot = (i: number) => (stacked ? barSlot(0, 1, band) : barSlot(i, series.length, band));
  // A band from the start of its first day to the end of its last (the day's own band with bars).
  const span = (from: number, to: number) => [x(from) - band / 2, x(to) + band / 2] as const;

  return (
    <div className="flex flex-col text-zinc-500 dark:text-zinc-400" style={{ height }}>
      <div className="@container relative min-h-0 grow">
        <PlotFrame
          ticks={ticks}
          label={(v) => formatTick(v, unit, locale, currency)}
          below={DAY_AXIS_HEIGHT}
          across={labels.map((label, i) => {
            const from = showFrom[i];
            return from == null ? null : (
              <g key={data[i]!.date} className={SHOW_FROM[from]}>
                <line x1={pct(x(i))} x2={pct(x(i))} y1={0} y2={6} stroke="currentColor" />
                <text x={pct(x(i))} y={8} dy="0.71em" textAnchor="middle" fill="currentColor" fontSize={11}>
                  {label}
                </text>
              </g>
            );
          })}
        >
          <svg className="absolute inset-0 size-full overflow-visible">
            {bands.map((b) => {
              const [from, to] = [dayIndex.get(b.from), dayIndex.get(b.to)];
              if (from === undefined || to === undefined) return null;
              const [left, right] = span(from, to);
              return (
                <rect
                  key={`${b.from}-${b.to}-${b.label}`}
                  x={pct(left)}
                  width={pct(right - left)}
                  y={0}
                  height="100%"
                  fill="#56B4E9"
                  fillOpacity={0.12}
                />
              );
            })}
          </svg>
          <svg
            className="absolute inset-0 size-full overflow-visible"
            viewBox={`0 0 ${PATH_BOX} ${PATH_BOX}`}
            preserveAspectRatio="none"
          >
            {series.map((s, i) =>
              kind === "bar" ? (
                <path
                  key={s.key}
                  d={barPath(segments[i]!, x, y, slot(i).shift)}
                  fill="none"
                  stroke={s.colour}
                  style={{ strokeWidth: barWidth(slot(i).band) }}
                  vectorEffect="non-scaling-stroke"
                />
              ) : kind === "area" ? (
                <g key={s.key}>
                  <path d={areaPath(segments[i]!, x, y)} fill={s.colour} fillOpacity={0.35} />
                  <path
                    d={linePath(segments[i]!, x, y)}
                    fill="none"
                    stroke={s.colour}
                    strokeWidth={1}
                    strokeLinecap="round"
                    vectorEffect="non-scaling-stroke"
                  />
                </g>
              ) : (
                <path
                  key={s.key}
                  d={linePath(segments[i]!, x, y)}
                  fill="none"
                  stroke={s.colour}
                  strokeWidth={2}
                  strokeLinejoin="round"
                  strokeLinecap="round"
                  vectorEffect="non-scaling-stroke"
                />
              ),
            )}
          </svg>
          <svg className="absolute inset-0 size-full overflow-visible">
            {markers.map((m) => {
              const at = dayIndex.get(m.date);
              if (at === undefined) return null;
              return (
                <g key={`${m.date}-${m.label}`}>
                  <line
                    x1={pct(x(at))}
                    x2={pct(x(at))}
                    y1={0}
                    y2="100%"
                    stroke="#CC79A7"
                    strokeWidth={2}
                    strokeDasharray="4 3"
                  />
                  <text x={pct(x(at))} dx={5} y={5} dy="0.71em" fill="currentColor" fontSize={11}>
                    {m.label}
                  </text>
                </g>
              );
            })}
            {ticks.some((t) => t.value === 0) ? (
              <line x1="0" x2="100%" y1={pct(y(0))} y2={pct(y(0))} stroke="currentColor" strokeOpacity={0.4} />
            ) : null}
            <line x1="0" x2="100%" y1="100%" y2="100%" stroke="currentColor" />
          </svg>
          <ChartPointer rows={data} series={series} unit={unit} currency={currency} banded={banded} locale={locale} />
        </PlotFrame>
      </div>
      {series.length > 1 ? <Legend series={series} kind={kind} /> : null}
    </div>
  );
}

/**
 * Recharts' legend: centred under the chart, in the order of the names (as Recharts sorts it), a square for bars
 * and a line with a ring for lines and areas. The names are in the text colour, not the series' (orange or pink
 * text on white is too faint to read); the mark beside each carries the colour.
 */
function Legend({ series, kind }: { series: ChartSeries[]; kind: Props["kind"] }) {
  return (
    <ul className="text-center text-xs leading-[18px]" style={{ marginLeft: MARGIN.left, marginRight: MARGIN.right }}>
      {series
        .toSorted((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
        .map((s) => (
          <li key={s.key} className="mr-2.5 inline-block whitespace-nowrap text-zinc-700 dark:text-zinc-300">
            <svg width={14} height={14} viewBox="0 0 32 32" className="mr-1 inline-block align-middle" aria-hidden>
              {kind === "bar" ? (
                <path fill={s.colour} d="M0,4h32v24h-32z" />
              ) : (
                <path
                  strokeWidth={4}
                  fill="none"
                  stroke={s.colour}
                  d="M0,16h10.67A5.33,5.33,0,1,1,21.33,16H32M21.33,16A5.33,5.33,0,1,1,10.67,16"
                />
              )}
            </svg>
            {s.label}
          </li>
        ))}
    </ul>
  );
}
