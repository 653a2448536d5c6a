import type { ChartWidth } from "./plot-geometry";

/**
 * A day label shown from a chart width on (plot-geometry.ts `dayLabelWidths`), as a container query on the chart.
 * Written out whole so that Tailwind finds every class in the source.
 */
export const SHOW_FROM: Record<ChartWidth, string> = {
  280: "",
  300: "hidden @min-[300px]:inline",
  320: "hidden @min-[320px]:inline",
  340: "hidden @min-[340px]:inline",
  360: "hidden @min-[360px]:inline",
  380: "hidden @min-[380px]:inline",
  400: "hidden @min-[400px]:inline",
  440: "hidden @min-[440px]:inline",
  480: "hidden @min-[480px]:inline",
  520: "hidden @min-[520px]:inline",
  560: "hidden @min-[560px]:inline",
  600: "hidden @min-[600px]:inline",
  660: "hidden @min-[660px]:inline",
  720: "hidden @min-[720px]:inline",
  780: "hidden @min-[780px]:inline",
  840: "hidden @min-[840px]:inline",
  920: "hidden @min-[920px]:inline",
  1000: "hidden @min-[1000px]:inline",
};
