import { describe, expect, it } from "vitest";
import { formatDateTime, formatMoney, formatPercent, formatUsd } from "./format";

describe("format", () => {
  it("shows USD with cents, KRW without a minor unit, and a dash for unknown", () => {
    expect(formatUsd(1234.5)).toBe("$1,234.50");
    expect(formatUsd(0.0123)).toBe("$0.0123");
    expect(formatMoney(-120000, "KRW")).toBe("-₩120,000");
    expect(formatMoney(null, "KRW")).toBe("—");
    expect(formatPercent(72)).toBe("72.0%");
  });

  it("shows instants on the data zone's wall clock", () => {
    expect(formatDateTime(Date.parse("2025-09-19T05:23:11Z"), "Asia/Seoul")).toBe("2025-09-19 14:23");
  });
});
