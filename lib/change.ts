export type Tone = "neutral" | "good" | "bad";
export type Change = { text: string; tone: Tone };

/**
 * A figure's change against the previous period, in words a trader reads at a glance: "▲ 12.5% vs previous 30d".
 * `better` says which way is good (a cost going up is bad); null when either side is unknown or the base is zero.
 */
export function changeAgainst(
  current: number | null,
  previous: number | null,
  label: string,
  better: "up" | "down" | "neither" = "up",
): Change | undefined {
  if (current === null || previous === null) return undefined;
  if (previous === 0) return current === 0 ? { text: `unchanged vs previous ${label}`, tone: "neutral" } : undefined;
  const relative = ((current - previous) / Math.abs(previous)) * 100;
  if (Math.abs(relative) < 0.05) return { text: `unchanged vs previous ${label}`, tone: "neutral" };
  const up = relative > 0;
  const tone = better === "neither" ? "neutral" : up === (better === "up") ? "good" : "bad";
  return { text: `${up ? "▲" : "▼"} ${Math.abs(relative).toFixed(1)}% vs previous ${label}`, tone };
}

/** The same for figures that are already percentages: the difference in points. */
export function pointsAgainst(current: number | null, previous: number | null, label: string): Change | undefined {
  if (current === null || previous === null) return undefined;
  const points = current - previous;
  if (Math.abs(points) < 0.05) return { text: `unchanged vs previous ${label}`, tone: "neutral" };
  return {
    text: `${points > 0 ? "▲" : "▼"} ${Math.abs(points).toFixed(1)} pts vs previous ${label}`,
    tone: points > 0 ? "good" : "bad",
  };
}
