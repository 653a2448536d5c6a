"use client";

import { useLayoutEffect, useRef, type ReactNode } from "react";

// How far from the pointer the box opens, and how far left of the plot it may reach (over the value axis).
const GAP_PX = 12;
const LEFT_REACH_PX = 68;

/** Where a pointer event is in the plot it happened over, and the plot's size, in pixels. */
export function pointInPlot(e: React.PointerEvent<HTMLElement>) {
  const box = e.currentTarget.getBoundingClientRect();
  return { x: e.clientX - box.left, y: e.clientY - box.top, width: box.width, height: box.height };
}

/**
 * A chart's tooltip, placed beside the pointer at (`x`, `y`) in a plot `width` × `height`: below and right of it,
 * or above and left where it would leave the plot, and never past the chart's left edge, once its own size is
 * known (measured before it paints, so it never shows in the wrong place).
 */
export function TooltipBox({
  x,
  y,
  width,
  height,
  children,
}: {
  x: number;
  y: number;
  width: number;
  height: number;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const { offsetWidth: w, offsetHeight: h } = element;
    const left = x + GAP_PX + w <= width ? x + GAP_PX : x - GAP_PX - w;
    const top = y + GAP_PX + h <= height ? y + GAP_PX : Math.max(-GAP_PX, y - GAP_PX - h);
    element.style.left = `${Math.max(-LEFT_REACH_PX, left)}px`;
    element.style.top = `${top}px`;
  }, [x, y, width, height]);
  return (
    <div
      ref={box}
      className="pointer-events-none absolute z-10 max-w-64 rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs text-zinc-900 shadow-md dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      style={{ left: x + GAP_PX, top: y + GAP_PX }}
    >
      {children}
    </div>
  );
}
