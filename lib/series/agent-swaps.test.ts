import { describe, expect, it } from "vitest";
import { calendarDays, lastDays } from "@/lib/period";
import { readContext } from "@/lib/read-context";
import { swapMarks } from "./agent-swaps";

const SEOUL = "Asia/Seoul";
const at = (iso: string) => Date.parse(iso);
const validating = (model: string) => `validating ${model}`;

describe("an agent's swaps on its charts", () => {
  it("marks the swaps of the period on their day in the zone, their windows cut at the period's end", () => {
    const ctx = readContext(
      { now: at("2026-03-10T12:00:00Z"), zone: SEOUL },
      calendarDays("2026-03-01", "2026-03-09", SEOUL),
    );
    const swaps = [
      { atMs: at("2026-03-08T16:30:00Z"), newModel: "gpt-5", validationPeriodDays: 7 }, // 01:30 on the 9th in Seoul
      { atMs: at("2026-03-02T00:00:00Z"), newModel: "sonnet-4", validationPeriodDays: null }, // 7 days when not given
      { atMs: at("2026-02-27T00:00:00Z"), newModel: "flash", validationPeriodDays: 7 }, // before the period
      { atMs: null, newModel: "unreadable", validationPeriodDays: 7 },
    ];
    expect(swapMarks(swaps, ctx, validating)).toEqual({
      markers: [
        { date: "2026-03-09", label: "→ gpt-5" },
        { date: "2026-03-02", label: "→ sonnet-4" },
      ],
      bands: [
        { from: "2026-03-09", to: "2026-03-09", label: "validating gpt-5" },
        { from: "2026-03-02", to: "2026-03-09", label: "validating sonnet-4" },
      ],
    });
  });

  it("takes a swap after now into a ?days=N period, as its lists do", () => {
    const clock = { now: at("2026-03-10T00:00:00Z"), zone: SEOUL };
    const { markers } = swapMarks(
      [{ atMs: at("2026-03-11T00:00:00Z"), newModel: "gpt-5", validationPeriodDays: 1 }],
      readContext(clock, lastDays(7, clock)),
      validating,
    );
    expect(markers).toEqual([{ date: "2026-03-11", label: "→ gpt-5" }]);
  });
});
