import { area, curveMonotoneX, line } from "d3-shape";
import { getNiceTickValues } from "recharts/lib/util/scale/getNiceTickValues";

// Where a chart's marks go, worked out on the server so the page arrives with its charts drawn and the browser runs
// nothing for them. The numbers are the ones Recharts lays its charts out with (margins, a 64 px value axis, a
// 30 px day axis, five "nice" ticks from Recharts' own algorithm, d3's monotone curve), so the charts read as they
// did when Recharts drew them in the browser.
//
// The server knows neither how wide the chart will be nor how many lines its legend will wrap to, so every
// position is a fraction of the plot's width or height, drawn as a percentage; margins and axes are in pixels.

export const MARGIN = { top: 8, right: 8, left: 4 };
export const VALUE_AXIS_WIDTH = 64;
export const DAY_AXIS_HEIGHT = 30;
/** Where the plot starts, from the chart's left edge: the margin and the value axis. */
export const PLOT_LEFT = MARGIN.left + VALUE_AXIS_WIDTH;
/** Recharts' `maxBarSize` on these charts, and its default gap between bands (10 % of a band on each side). */
export const MAX_BAR_PX = 28;
const BAND_GAP = 0.1;
const TICK_COUNT = 5;

/** A tick's value and where it sits down the plot (0 = the top, 1 = the bottom). */
export type Tick = { value: number; y: number };

/** Recharts' nice ticks over the values and zero, the domain they span, and where a value sits in it (0 to 1). */
export function niceScale(values: number[]) {
  const finite = values.filter(Number.isFinite);
  const low = Math.min(0, ...finite);
  const high = Math.max(0, ...finite);
  const ticks = getNiceTickValues([low, high], TICK_COUNT, true, "adaptive");
  const bottom = Math.min(low, ticks[0] ?? low);
  const top = Math.max(high, ticks.at(-1) ?? high);
  const span = top - bottom || 1;
  return { ticks, domain: [bottom, top] as [number, number], at: (value: number) => (value - bottom) / span };
}

/** A value axis: its ticks and where a value sits down the plot (0 = the top, 1 = the bottom). */
export function valueAxis(values: number[]) {
  const { ticks, domain, at } = niceScale(values);
  const y = (value: number) => 1 - at(value);
  return { y, ticks: ticks.map((value) => ({ value, y: y(value) })), domain };
}

/**
 * The day axis: with bars each day is a band and its marks sit at the band's centre; lines and areas put the first
 * day on the plot's left edge and the last on its right (Recharts' band and point scales).
 */
export function dayAxis(days: number, banded: boolean) {
  const band = banded ? 1 / Math.max(days, 1) : 0;
  const x = (i: number) => (banded ? (i + 0.5) * band : days > 1 ? i / (days - 1) : 0.5);
  return { x, band };
}

/**
 * Each series' [base, top] per day: stacked on the series before it, or from zero. A day without a value has none
 * (null): its bar is not drawn and lines and areas join the days either side, as Recharts' `connectNulls`. In a
 * stack, as in Recharts, a series missing on a day the others have counts as zero there (so the bands above it
 * keep their base); only a day on which every series is missing is a gap.
 */
export function stackValues(
  rows: Record<string, unknown>[],
  keys: string[],
  stacked: boolean,
): ([number, number] | null)[][] {
  const valueOf = (row: Record<string, unknown>, key: string) => {
    const value = row[key];
    return typeof value === "number" && Number.isFinite(value) ? value : null;
  };
  const base = rows.map(() => 0);
  const someValue = rows.map((row) => keys.some((key) => valueOf(row, key) !== null));
  return keys.map((key) =>
    rows.map((row, i) => {
      const value = valueOf(row, key);
      if (!stacked) return value === null ? null : [0, value];
      if (!someValue[i]) return null;
      const segment: [number, number] = [base[i]!, base[i]! + (value ?? 0)];
      base[i] = segment[1];
      return segment;
    }),
  );
}

/** The square, in SVG units, that paths are drawn in; the SVG stretches it over the plot. */
export const PATH_BOX = 1000;

/** A line through the days that have a value (gaps joined, as `connectNulls`), in the PATH_BOX square. */
export function linePath(segments: ([number, number] | null)[], x: (i: number) => number, y: (v: number) => number) {
  const points = segments.flatMap((s, i) => (s ? [[x(i) * PATH_BOX, y(s[1]) * PATH_BOX] as [number, number]] : []));
  return line().curve(curveMonotoneX).digits(1)(points) ?? "";
}

/** An area between each day's segment base and top, in the PATH_BOX square. */
export function areaPath(segments: ([number, number] | null)[], x: (i: number) => number, y: (v: number) => number) {
  const points = segments.flatMap((s, i) =>
    s ? [{ x: x(i) * PATH_BOX, base: y(s[0]) * PATH_BOX, top: y(s[1]) * PATH_BOX }] : [],
  );
  return (
    area<{ x: number; base: number; top: number }>()
      .curve(curveMonotoneX)
      .digits(1)
      .x((p) => p.x)
      .y0((p) => p.base)
      .y1((p) => p.top)(points) ?? ""
  );
}

/**
 * Bars as one path per series, a vertical line per day from a segment's base to its top; the SVG stretches it over
 * the plot and the line's stroke is the bar (`barWidth`). Hundreds of bars cost a few characters each, not an
 * element each, in the page and in its React payload.
 */
export function barPath(
  segments: ([number, number] | null)[],
  x: (i: number) => number,
  y: (v: number) => number,
  shift = 0,
) {
  return segments
    .flatMap((s, i) =>
      s && s[0] !== s[1]
        ? [`M${fixed((x(i) + shift) * PATH_BOX)} ${fixed(y(s[0]) * PATH_BOX)}V${fixed(y(s[1]) * PATH_BOX)}`]
        : [],
    )
    .join("");
}

/**
 * A bar's width as a CSS stroke width: 80 % of its band (Recharts' 10 % gap each side), at most MAX_BAR_PX. The band
 * is a share of the plot, which is the chart's width (`100cqw`, the chart being its own size container) less the
 * value axis and the margins.
 */
export function barWidth(band: number) {
  const share = band * (1 - 2 * BAND_GAP);
  // Four significant digits, not a fixed number of decimals: a ten-year period's bars are a ten-thousandth wide.
  return `min(${MAX_BAR_PX}px, calc((100cqw - ${PLOT_LEFT + MARGIN.right}px) * ${share.toPrecision(4)}))`;
}

/**
 * Where series `index` of `count` unstacked bar series sits in its day's band, as a shift of the day's centre and
 * its share of the band: side by side, as Recharts groups them. Stacked bars (and a single series) share the centre.
 */
export function barSlot(index: number, count: number, band: number) {
  const share = band * (1 - 2 * BAND_GAP);
  return { shift: (index - (count - 1) / 2) * (share / count), band: band / count };
}

/**
 * Which day labels fit at which chart widths. Recharts measures its labels and drops those that would come closer
 * than 24 px to the next, keeping the last; here the widths are not known, so each label gets the narrowest chart
 * width from which it shows: every 2^k-th label counted back from the last, the smallest 2^k whose labels keep
 * MIN_TICK_GAP apart at that width. A label shown at one width is shown at every wider one, so one container query
 * per label is enough (`SHOW_FROM`). Steps of 2^k skip more than Recharts' free steps would; a gap of 12 px rather
 * than 24 keeps about as many labels as it showed.
 */
export const CHART_WIDTHS = [
  280, 300, 320, 340, 360, 380, 400, 440, 480, 520, 560, 600, 660, 720, 780, 840, 920, 1000,
] as const;
export type ChartWidth = (typeof CHART_WIDTHS)[number];
const MIN_TICK_GAP = 12;

/** For each label, the narrowest of CHART_WIDTHS at which it shows; null: at none. */
export function dayLabelWidths(labels: string[], banded: boolean): (ChartWidth | null)[] {
  const n = labels.length;
  const widest = Math.max(0, ...labels.map(textWidth));
  const stride = (chartWidth: number) => {
    const plot = chartWidth - PLOT_LEFT - MARGIN.right;
    const step = banded ? plot / Math.max(n, 1) : plot / Math.max(n - 1, 1);
    let s = 1;
    while (s * step < widest + MIN_TICK_GAP && s < n) s *= 2;
    return s;
  };
  const strides = CHART_WIDTHS.map(stride);
  return labels.map((_, i) => {
    const fromEnd = n - 1 - i;
    const at = strides.findIndex((s) => fromEnd % s === 0);
    return at === -1 ? null : CHART_WIDTHS[at]!;
  });
}

/** An 11 px label's width: digits about 6 px, punctuation and spaces about 3, other letters about 6.5 (Noto Sans). */
function textWidth(text: string): number {
  let width = 0;
  for (const c of text) width += /[0-9]/.test(c) ? 6.1 : /[.\-\s/:]/.test(c) ? 3.1 : 6.6;
  return width;
}

export const pct = (fraction: number) => `${round(fraction * 100)}%`;
const round = (n: number) => Math.round(n * 1000) / 1000;
const fixed = (n: number) => Math.round(n * 10) / 10;
