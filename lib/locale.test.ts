import { describe, expect, it } from "vitest";
import { pickLocale } from "./locale";

const pick = (cookie: string | undefined, acceptLanguage: string | undefined, fallback: "ko" | "en" = "ko") =>
  pickLocale({ cookie, acceptLanguage, fallback });

describe("the language of a request", () => {
  it("is the reader's choice first", () => {
    expect(pick("en", "ko-KR,ko;q=0.9")).toBe("en");
    expect(pick("ko", "en-US")).toBe("ko");
  });

  it("then the first of the browser's languages the desk speaks, by quality", () => {
    expect(pick(undefined, "en-US,en;q=0.9")).toBe("en");
    expect(pick(undefined, "ja-JP,ja;q=0.9,en;q=0.8,ko;q=0.7")).toBe("en");
    expect(pick(undefined, "en;q=0.5,ko;q=0.8")).toBe("ko");
    expect(pick(undefined, "fr, ko-KR")).toBe("ko");
  });

  it("then the install's default; a cookie or language it does not speak is ignored", () => {
    expect(pick(undefined, undefined)).toBe("ko");
    expect(pick(undefined, "fr-FR,de;q=0.5", "en")).toBe("en");
    expect(pick("de", "", "en")).toBe("en");
    expect(pick(undefined, "en;q=0")).toBe("ko");
  });
});
