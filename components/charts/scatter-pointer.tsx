"use client";

import { useState } from "react";
import { formatUnit, type ChartUnit } from "@/lib/chart-units";
import { TooltipBox, pointInPlot } from "./tooltip-box";
import type { Locale } from "@/lib/locale";

type Dot = { x: number; y: number };
type Active = { dot: Dot; left: number; top: number; width: number; height: number };

// How near the pointer must come to a dot, in pixels, for its tooltip (a dot is 9 px across).
const REACH_PX = 8;

/**
 * The one part of a scatter plot that runs in the browser: the dot nearest the pointer (or a tap), within reach, is
 * crossed by dashed lines and its two values shown. Nothing is drawn until then.
 */
export function ScatterPointer({
  points,
  xDomain,
  yDomain,
  xLabel,
  yLabel,
  yUnit,
  currency,
  locale,
}: {
  points: Dot[];
  xDomain: [number, number];
  yDomain: [number, number];
  xLabel: string;
  yLabel: string;
  yUnit: ChartUnit;
  currency?: string;
  locale: Locale;
}) {
  const [active, setActive] = useState<Active | null>(null);
  const point = (e: React.PointerEvent<HTMLDivElement>) => {
    const { x, y, width, height } = pointInPlot(e);
    const place = (d: Dot) => ({
      left: ((d.x - xDomain[0]) / (xDomain[1] - xDomain[0] || 1)) * width,
      top: (1 - (d.y - yDomain[0]) / (yDomain[1] - yDomain[0] || 1)) * height,
    });
    let nearest: Active | null = null;
    let best = REACH_PX ** 2;
    for (const dot of points) {
      const { left, top } = place(dot);
      const distance = (left - x) ** 2 + (top - y) ** 2;
      if (distance <= best) [best, nearest] = [distance, { dot, left, top, width, height }];
    }
    setActive(nearest);
  };
  return (
    <div
      className="absolute inset-0"
      onPointerMove={point}
      onPointerDown={point}
      onPointerLeave={(e) => (e.pointerType === "touch" ? undefined : setActive(null))}
    >
      {active ? (
        <>
          <div className="absolute inset-y-0 border-l border-dashed border-zinc-400" style={{ left: active.left }} />
          <div className="absolute inset-x-0 border-t border-dashed border-zinc-400" style={{ top: active.top }} />
          <TooltipBox x={active.left} y={active.top} width={active.width} height={active.height}>
            <p>
              {xLabel}: {active.dot.x.toFixed(3)}
            </p>
            <p>
              {yLabel}: {formatUnit(active.dot.y, yUnit, locale, currency)}
            </p>
          </TooltipBox>
        </>
      ) : null}
    </div>
  );
}
