import { describe, expect, it } from "vitest";
import { changeAgainst, pointsAgainst } from "./change";

describe("a figure's change against the previous period", () => {
  it("is relative, with good or bad news by which way is better", () => {
    expect(changeAgainst(125, 100)).toEqual({ kind: "percent", up: true, amount: 25, tone: "good" });
    expect(changeAgainst(125, 100, "down")).toEqual({ kind: "percent", up: true, amount: 25, tone: "bad" });
    expect(changeAgainst(50, -100, "neither")).toMatchObject({ up: true, amount: 150, tone: "neutral" });
  });

  it("is unchanged within rounding, and no figure from an unknown side or a zero base", () => {
    expect(changeAgainst(100.04, 100)).toEqual({ kind: "same", tone: "neutral" });
    expect(changeAgainst(0, 0)).toEqual({ kind: "same", tone: "neutral" });
    expect(changeAgainst(5, 0)).toBeUndefined();
    expect(changeAgainst(null, 3)).toBeUndefined();
  });

  it("is in points for percentages", () => {
    expect(pointsAgainst(57.1, 83.3)).toMatchObject({ kind: "points", up: false, tone: "bad" });
    expect(pointsAgainst(57.1, 83.3)!.kind === "points" && pointsAgainst(57.1, 83.3)).toMatchObject({
      amount: expect.closeTo(26.2, 5),
    });
  });
});
