// Every figure of a page describes one instant: the request's clock (db/queries/request-clock.ts) is taken once
// and handed to every query as its read context. A query that reads the clock or the configured zone itself, or
// takes a bare period, could describe another moment than its neighbours on the page.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { parse, relative, ROOT, sourceFiles } from "./source-files";

/** Where the clock and the zone are read: once per request, or once per command. */
const CLOCK_SOURCES = ["db/queries/request-clock.ts"];

/** What a query module must not do: each a pattern and why. */
const OWN_CLOCK = [
  { pattern: /\bDate\.now\(/, why: "reads the clock itself" },
  { pattern: /\bnew Date\(\s*\)/, why: "reads the clock itself" },
  { pattern: /\bdataTimeZone\b/, why: "reads the configured zone itself" },
];

/** Exported functions of a module whose parameters mention `Period` without a read context. */
function bareperiodParameters(file: string): string[] {
  const source = parse(file);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const parameter of statement.parameters) {
      const type = parameter.type?.getText(source) ?? "";
      if (/\bPeriod\b/.test(type)) found.push(`${statement.name.text}(${parameter.getText(source)})`);
    }
  }
  return found;
}

function violations(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  // A module that reads the database is a query and takes the context; one that only builds SQL from what it is
  // given (event-window.ts, calendar-window.ts) may take a period.
  const reads = /import \{[^}]*\bdatabase\b[^}]*\} from "@\/db"/.test(text);
  return [
    ...OWN_CLOCK.filter(({ pattern }) => pattern.test(text)).map(({ pattern, why }) => `${why} (${pattern.source})`),
    ...(reads ? bareperiodParameters(file).map((f) => `takes a period without the read context: ${f}`) : []),
  ];
}

describe("queries read with the request's context", () => {
  const queries = sourceFiles(["db/queries"]).filter((file) => !CLOCK_SOURCES.includes(relative(file)));

  it("are found", () => expect(queries.length).toBeGreaterThan(10));

  it.each(queries.map(relative))("%s takes the instant, zone and period from its read context", (file) => {
    expect(violations(path.join(ROOT, file))).toEqual([]);
  });

  it("the check catches a query with a clock of its own and a bare period", () => {
    const folder = fs.mkdtempSync(path.join(ROOT, "db", "queries", ".context-check-"));
    try {
      const file = path.join(folder, "own-clock.ts");
      fs.writeFileSync(
        file,
        `import { database } from "@/db";\nimport type { Period } from "@/lib/period";\nexport function getThing(period: Period, now = Date.now()) { return { period, now }; }\n`,
      );
      expect(violations(file)).toEqual([
        "reads the clock itself (\\bDate\\.now\\()",
        "takes a period without the read context: getThing(period: Period)",
      ]);
    } finally {
      fs.rmSync(folder, { recursive: true });
    }
  });
});

describe("pages and sections that query", () => {
  const querying = sourceFiles(["app", "components"]).filter((file) =>
    fs.readFileSync(file, "utf8").includes("@/db/queries/"),
  );

  it("are found", () => expect(querying.length).toBeGreaterThan(10));

  it.each(querying.map(relative))("%s takes the instant from the request's clock, not its own", (file) => {
    expect(fs.readFileSync(path.join(ROOT, file), "utf8").match(/\bDate\.now\(\)/g) ?? []).toEqual([]);
  });
});
