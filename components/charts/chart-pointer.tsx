"use client";

import { useState } from "react";
import { formatUnit, type ChartUnit } from "@/lib/chart-units";
import { formatDate } from "@/lib/format";
import type { Locale } from "@/lib/locale";
import type { ChartRow, ChartSeries } from "./time-series-chart";
import { TooltipBox, pointInPlot } from "./tooltip-box";

type Point = { day: number; x: number; y: number; width: number; height: number };

/**
 * The one part of a day chart that runs in the browser: over the plot, the pointer (or a tap) picks a day, which is
 * shaded (bars) or marked by a line (lines, areas), and a tooltip lists each series' value that day. Nothing is
 * drawn until then, so hydrating it costs an empty box.
 */
export function ChartPointer({
  rows,
  series,
  unit,
  currency,
  banded,
  locale,
}: {
  rows: ChartRow[];
  series: ChartSeries[];
  unit: ChartUnit;
  currency?: string;
  banded: boolean;
  locale: Locale;
}) {
  const [at, setAt] = useState<Point | null>(null);
  const days = rows.length;
  const point = (e: React.PointerEvent<HTMLDivElement>) => {
    const spot = pointInPlot(e);
    const along = spot.x / spot.width;
    const day = banded ? Math.floor(along * days) : Math.round(along * (days - 1));
    setAt({ ...spot, day: Math.min(days - 1, Math.max(0, day)) });
  };
  const row = at ? rows[at.day] : undefined;
  const centre = at ? (banded ? (at.day + 0.5) / days : days > 1 ? at.day / (days - 1) : 0.5) : 0;
  return (
    <div
      className="absolute inset-0"
      onPointerMove={point}
      onPointerDown={point}
      // A finger lifted leaves the tooltip up until the next tap: on a phone, lifting it is how one reads it.
      onPointerLeave={(e) => (e.pointerType === "touch" ? undefined : setAt(null))}
    >
      {at && row ? (
        <>
          {banded ? (
            <div
              className="absolute inset-y-0 bg-zinc-400/20"
              style={{ left: `${(at.day / days) * 100}%`, width: `${100 / days}%` }}
            />
          ) : (
            <div
              className="absolute inset-y-0 w-px bg-zinc-300 dark:bg-zinc-600"
              style={{ left: `${centre * 100}%` }}
            />
          )}
          <TooltipBox x={at.x} y={at.y} width={at.width} height={at.height}>
            <p className="mb-1 font-medium">{formatDate(row.date, locale)}</p>
            {series.map((s) => {
              const value = row[s.key];
              return (
                <p key={s.key} className="flex items-center gap-2">
                  <span aria-hidden className="inline-block size-2 rounded-full" style={{ background: s.colour }} />
                  <span>{s.label}</span>
                  <span className="ml-auto whitespace-nowrap tabular-nums">
                    {formatUnit(typeof value === "number" ? value : null, unit, locale, currency)}
                  </span>
                </p>
              );
            })}
          </TooltipBox>
        </>
      ) : null}
    </div>
  );
}
