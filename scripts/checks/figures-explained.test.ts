// Every figure the desk shows says what it measures and in which unit (the "?" beside its name, from
// messages/<locale>/figures.json). Stats and charts require a `figure` by type; a table's column is an object
// literal, so this check reads the source: a column drawn as a number (`numeric: true`) must name its figure.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { relative, ROOT, sourceFiles } from "./source-files";

/** The column literals (from one `header:` to the next) that are numeric but name no figure. */
export function unexplainedColumns(text: string): string[] {
  const columns = text.split(/(?=\bheader:)/).slice(1);
  return columns
    .filter((column) => /\bnumeric:\s*true\b/.test(column) && !/\bfigure:\s*"\w+"/.test(column))
    .map((column) => column.slice(0, column.indexOf(",")));
}

describe("figures are explained", () => {
  it.each(sourceFiles(["app", "components"]).map(relative))("%s", (file) => {
    expect(unexplainedColumns(fs.readFileSync(path.join(ROOT, file), "utf8"))).toEqual([]);
  });

  it("the check finds a numeric column without a figure", () => {
    const sample = `[{ header: t("cost"), numeric: true, figure: "llmCost" }, { header: t("calls"), numeric: true }]`;
    expect(unexplainedColumns(sample)).toEqual(['header: t("calls")']);
  });
});
