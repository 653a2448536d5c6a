export type Tone = "neutral" | "good" | "bad";
/** A figure's change as a component shows it: words (from the catalogues) and whether it is good news. */
export type Change = { text: string; tone: Tone };

/**
 * How a figure moved against the previous period: unchanged, or up/down by a relative amount (`percent`) or, for
 * figures that are already percentages, by points. The page puts it in words ("▲ 12.5% vs previous 30d").
 */
export type Movement =
  { kind: "same"; tone: Tone } | { kind: "percent" | "points"; up: boolean; amount: number; tone: Tone };

/**
 * `better` says which way is good (a cost going up is bad); undefined when either side is unknown or the base is
 * zero (a relative change from nothing is no figure).
 */
export function changeAgainst(
  current: number | null,
  previous: number | null,
  better: "up" | "down" | "neither" = "up",
): Movement | undefined {
  if (current === null || previous === null) return undefined;
  if (previous === 0) return current === 0 ? { kind: "same", tone: "neutral" } : undefined;
  const relative = ((current - previous) / Math.abs(previous)) * 100;
  if (Math.abs(relative) < 0.05) return { kind: "same", tone: "neutral" };
  const up = relative > 0;
  const tone = better === "neither" ? "neutral" : up === (better === "up") ? "good" : "bad";
  return { kind: "percent", up, amount: Math.abs(relative), tone };
}

/** The same for figures that are already percentages: the difference in points. */
export function pointsAgainst(current: number | null, previous: number | null): Movement | undefined {
  if (current === null || previous === null) return undefined;
  const points = current - previous;
  if (Math.abs(points) < 0.05) return { kind: "same", tone: "neutral" };
  return { kind: "points", up: points > 0, amount: Math.abs(points), tone: points > 0 ? "good" : "bad" };
}
