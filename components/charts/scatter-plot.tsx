"use client";

import { useLocale } from "next-intl";
import {
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatTick, formatUnit, type ChartUnit } from "@/lib/chart-units";

type Props = {
  points: { x: number; y: number }[];
  xLabel: string;
  yLabel: string;
  yUnit: ChartUnit;
  currency?: string;
  colour: string;
  height?: number;
};

/** One dot per item (a trade: an agent's contribution against its PnL), fed plain numbers by a server component. */
export function ScatterPlot({ points, xLabel, yLabel, yUnit, currency, colour, height = 240 }: Props) {
  const locale = useLocale();
  return (
    <div className="text-zinc-500 dark:text-zinc-400" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 8, bottom: 16, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid stroke="currentColor" strokeOpacity={0.15} />
          <XAxis
            type="number"
            dataKey="x"
            name={xLabel}
            stroke="currentColor"
            tick={{ fill: "currentColor", fontSize: 11 }}
            label={{ value: xLabel, position: "insideBottom", offset: -8, fill: "currentColor", fontSize: 11 }}
          />
          <YAxis
            type="number"
            dataKey="y"
            name={yLabel}
            stroke="currentColor"
            tick={{ fill: "currentColor", fontSize: 11 }}
            tickFormatter={(v: number) => formatTick(v, yUnit, locale, currency)}
            width={64}
          />
          <ReferenceLine y={0} stroke="currentColor" strokeOpacity={0.4} />
          <Tooltip
            cursor={{ strokeDasharray: "3 3" }}
            content={({ active, payload }) => {
              const point = active ? (payload?.[0]?.payload as { x: number; y: number } | undefined) : undefined;
              if (!point) return null;
              return (
                <div className="rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs text-zinc-900 shadow-md dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
                  <p>
                    {xLabel}: {point.x.toFixed(3)}
                  </p>
                  <p>
                    {yLabel}: {formatUnit(point.y, yUnit, locale, currency)}
                  </p>
                </div>
              );
            }}
          />
          <Scatter data={points} fill={colour} fillOpacity={0.6} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
