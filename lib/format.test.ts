import { describe, expect, it } from "vitest";
import {
  formatAxisDay,
  formatClock,
  formatCompact,
  formatCount,
  formatDate,
  formatDateTime,
  formatMoney,
  formatPercent,
  formatUsd,
} from "./format";

describe("format", () => {
  it("shows USD with cents, KRW without a minor unit, and a dash for unknown", () => {
    expect(formatUsd(1234.5, "en")).toBe("$1,234.50");
    expect(formatUsd(0.0123, "en")).toBe("$0.0123");
    expect(formatMoney(-120000, "KRW", "en")).toBe("-₩120,000");
    expect(formatMoney(null, "KRW", "en")).toBe("—");
    expect(formatPercent(72, "en")).toBe("72.0%");
  });

  it("shows instants on the data zone's wall clock", () => {
    expect(formatDateTime(Date.parse("2025-09-19T05:23:11Z"), "Asia/Seoul", "en")).toBe("2025-09-19 14:23");
  });
});

describe("format in Korean", () => {
  it("writes money as a Korean reader expects: ₩ without a minor unit, $ (not US$) with cents", () => {
    expect(formatMoney(995203, "KRW", "ko")).toBe("+₩995,203");
    expect(formatMoney(-120000, "KRW", "ko")).toBe("-₩120,000");
    expect(formatUsd(1358.22, "ko")).toBe("$1,358.22");
    expect(formatUsd(0.0837, "ko")).toBe("$0.0837");
  });

  it("writes compact numbers in 만 and 억", () => {
    expect(formatCompact(143_547_224, "ko")).toBe("1.4억");
    expect(formatCompact(120_000_000, "ko")).toBe("1.2억");
    expect(formatCompact(34_500_000, "ko")).toBe("3,450만");
    expect(formatCompact(143_547_224, "en")).toBe("143.5M");
    expect(formatCount(16772, "ko")).toBe("16,772");
  });

  it("writes dates in Korean and times on a 24-hour clock in the data's zone, late evening included", () => {
    const lateEvening = Date.parse("2026-12-01T14:07:09Z"); // 23:07:09 in Seoul
    expect(formatDateTime(lateEvening, "Asia/Seoul", "ko")).toBe("2026년 12월 1일 23:07");
    expect(formatClock(lateEvening, "Asia/Seoul")).toBe("23:07:09");
    expect(formatDate("2026-12-01", "ko")).toBe("2026년 12월 1일");
    expect(formatAxisDay("2026-12-01", "ko")).toBe("12. 1.");
    expect(formatAxisDay("2026-12-01", "en")).toBe("12-01");
    expect(formatPercent(57.1, "ko")).toBe("57.1%");
  });
});
