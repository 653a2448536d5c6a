import { describe, expect, it } from "vitest";
import { blockingTime } from "./cold-page";

describe("blockingTime", () => {
  it("clips a task at the first contentful paint before taking its 50 ms off, as Lighthouse does", () => {
    // Lighthouse's own example: a 150 ms task from 0 with FCP at 50 blocks [100, 150].
    expect(blockingTime([{ start: 0, duration: 150 }], 50)).toEqual({ tbt: 50, fromStart: 100 });
  });

  it("leaves out tasks that end before the paint, and short remainders", () => {
    expect(blockingTime([{ start: 0, duration: 300 }], 400)).toEqual({ tbt: 0, fromStart: 250 });
    expect(blockingTime([{ start: 0, duration: 120 }], 100)).toEqual({ tbt: 0, fromStart: 70 });
  });

  it("sums every long task after the paint", () => {
    const tasks = [
      { start: 500, duration: 80 },
      { start: 700, duration: 250 },
      { start: 1000, duration: 40 },
    ];
    expect(blockingTime(tasks, 100)).toEqual({ tbt: 230, fromStart: 230 });
  });
});
