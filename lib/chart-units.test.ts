import { describe, expect, it } from "vitest";
import { formatTick, formatUnit } from "./chart-units";

describe("a chart's numbers", () => {
  it("read as before in English", () => {
    expect(formatUnit(1234.5, "usd", "en")).toBe("$1,234.50");
    expect(formatUnit(1234.4, "ms", "en")).toBe("1,234 ms");
    expect(formatUnit(12.34, "percent", "en")).toBe("12.3%");
    expect(formatUnit(0.123, "score", "en")).toBe("0.12");
    expect(formatUnit(null, "count", "en")).toBe("—");
    expect(formatTick(143_500_000, "money", "en")).toBe("₩143.5M");
    expect(formatTick(2.5, "usd", "en")).toBe("$2.50");
  });

  it("use the reader's units of size in Korean", () => {
    expect(formatTick(143_500_000, "money", "ko")).toBe("₩1.4억");
    expect(formatUnit(16_772, "count", "ko")).toBe("16,772");
  });
});
