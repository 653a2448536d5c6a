import { describe, expect, it } from "vitest";
import { parsePythonJson } from "./lenient-json";

describe("parsePythonJson", () => {
  it("reads plain JSON and NULL", () => {
    expect(parsePythonJson('{"cio": 0.5}')).toEqual({ ok: true, value: { cio: 0.5 }, nonFinite: false });
    expect(parsePythonJson(null)).toEqual({ ok: true, value: null, nonFinite: false });
  });

  it("reads NaN and Infinity as null, but leaves them alone inside strings", () => {
    expect(parsePythonJson('{"risk": NaN, "x": -Infinity, "note": "NaN Infinity", "k": [Infinity]}')).toEqual({
      ok: true,
      value: { risk: null, x: null, note: "NaN Infinity", k: [null] },
      nonFinite: true,
    });
  });

  it("says so when the text is broken", () => {
    expect(parsePythonJson('{"cio": ')).toEqual({ ok: false });
    expect(parsePythonJson("")).toEqual({ ok: false });
  });
});
