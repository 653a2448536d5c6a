import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import en from "./en/common.json";
import ko from "./ko/common.json";

// The period's words (components/ui/period-text.ts), in English exactly as the pages have always said them.
const say = (messages: typeof en, locale: "en" | "ko") =>
  createTranslator({ locale, messages: { common: messages }, namespace: "common.period" });

describe("a period in words", () => {
  it("in English: the named links, the last N days, and a length of days", () => {
    const t = say(en, "en");
    expect([1, 7, 30, 365].map((days) => t("label", { days }))).toEqual(["24h", "7d", "30d", "1y"]);
    expect(t("last", { label: t("label", { days: 7 }) })).toBe("the last 7d");
    expect(t("length", { days: 15 })).toBe("15 days");
    expect(t("length", { days: 1 })).toBe("1 day");
    expect(t("range", { from: "2026-11-01", to: "2026-11-15" })).toBe("2026-11-01 – 2026-11-15");
  });

  it("in Korean", () => {
    const t = say(ko as typeof en, "ko");
    expect(t("last", { label: t("label", { days: 7 }) })).toMatch(/^최근 7일$/);
    expect(t("length", { days: 15 })).toBe("15일");
  });
});
