"use client";

import { useLocale } from "next-intl";
import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatTick, formatUnit, type ChartUnit } from "@/lib/chart-units";
import { formatAxisDay, formatDate } from "@/lib/format";
import type { Locale } from "@/lib/locale";

export type ChartSeries = { key: string; label: string; colour: string; dashed?: boolean };
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
  /** A horizontal line (a limit), drawn dashed with its label. */
  limit?: { value: number; label: string };
  height?: number;
};

/** A chart over calendar days, fed plain rows by a server component; colours and units come with the props. */
export function TimeSeriesChart({
  data,
  series,
  kind,
  unit,
  currency,
  stacked = false,
  markers = [],
  bands = [],
  limit,
  height = 240,
}: Props) {
  const locale = useLocale();
  const tick = (value: number) => formatTick(value, unit, locale, currency);
  return (
    <div className="text-zinc-500 dark:text-zinc-400" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
          <XAxis
            dataKey="date"
            stroke="currentColor"
            tick={{ fill: "currentColor", fontSize: 11 }}
            tickFormatter={(d: string) => formatAxisDay(d, locale)}
            minTickGap={24}
          />
          <YAxis stroke="currentColor" tick={{ fill: "currentColor", fontSize: 11 }} tickFormatter={tick} width={64} />
          <Tooltip content={<ChartTooltip unit={unit} currency={currency} series={series} locale={locale} />} />
          {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
          {bands.map((b) => (
            <ReferenceArea
              key={`${b.from}-${b.to}-${b.label}`}
              x1={b.from}
              x2={b.to}
              fill="#56B4E9"
              fillOpacity={0.12}
              stroke="none"
              ifOverflow="hidden"
            />
          ))}
          {markers.map((m) => (
            <ReferenceLine
              key={`${m.date}-${m.label}`}
              x={m.date}
              stroke="#CC79A7"
              strokeWidth={2}
              strokeDasharray="4 3"
              label={{ value: m.label, position: "insideTopLeft", fill: "currentColor", fontSize: 11 }}
            />
          ))}
          {limit ? (
            <ReferenceLine
              y={limit.value}
              stroke="#D55E00"
              strokeDasharray="6 4"
              label={{ value: limit.label, position: "insideTopRight", fill: "currentColor", fontSize: 11 }}
            />
          ) : null}
          <ReferenceLine y={0} stroke="currentColor" strokeOpacity={0.4} />
          {series.map((s) => {
            const common = {
              dataKey: s.key,
              name: s.label,
              stackId: stacked ? "stack" : undefined,
              isAnimationActive: false,
            };
            if (kind === "bar") return <Bar key={s.key} {...common} fill={s.colour} maxBarSize={28} />;
            if (kind === "area")
              return (
                <Area
                  key={s.key}
                  {...common}
                  type="monotone"
                  stroke={s.colour}
                  fill={s.colour}
                  fillOpacity={0.35}
                  strokeDasharray={s.dashed ? "5 3" : undefined}
                  connectNulls
                />
              );
            return (
              <Line
                key={s.key}
                {...common}
                type="monotone"
                stroke={s.colour}
                strokeWidth={2}
                dot={false}
                strokeDasharray={s.dashed ? "5 3" : undefined}
                connectNulls
              />
            );
          })}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

type TooltipProps = {
  unit: ChartUnit;
  currency?: string;
  series: ChartSeries[];
  locale: Locale;
  active?: boolean;
  label?: string;
  payload?: { dataKey?: unknown; value?: unknown }[];
};

function ChartTooltip({ unit, currency, series, locale, active, label, payload }: TooltipProps) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs text-zinc-900 shadow-md dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
      <p className="mb-1 font-medium">{label === undefined ? null : formatDate(label, locale)}</p>
      {series.map((s) => {
        const value = payload.find((p) => p.dataKey === s.key)?.value;
        return (
          <p key={s.key} className="flex items-center gap-2">
            <span aria-hidden className="inline-block size-2 rounded-full" style={{ background: s.colour }} />
            <span>{s.label}</span>
            <span className="ml-auto tabular-nums">
              {formatUnit(typeof value === "number" ? value : null, unit, locale, currency)}
            </span>
          </p>
        );
      })}
    </div>
  );
}
