// `npm start` rebuilds only when a build input changed (build.ts): every input Next compiles must be in the list, or
// an edit to it is served stale. The files and folders are read from the project, so a new one is caught too.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildInputs } from "./build";

const ROOT = process.cwd();
// Top-level files Next does not compile: other tools' configs, and the types Next generates itself.
const OTHER_TOOLS = [
  ".prettierrc.json",
  "eslint.config.mjs",
  "playwright.config.ts",
  "vitest.config.mts",
  "vitest.server-only.ts",
  "next-env.d.ts",
];
// Folders Next reads by their name, with no import leading to them: the routes and the static files.
const CONVENTION_DIRS = ["app", "pages", "src", "public"];
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|json)$/;
const IMPORTER = /\.(ts|tsx|mts|js|jsx|mjs|css)$/;
// import … from "x", import("x"), export … from "x", require("x"), CSS @import "x"
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*|@import\s+)["']([^"']+)["']/g;

const inputs = buildInputs();
/** Whether the inputs hold the top-level folder or file `top` (a file as imported: with or without its extension). */
const holds = (top: string) =>
  inputs.some(
    (file) => file.startsWith(`${top}/`) || (!file.includes("/") && (file === top || path.parse(file).name === top)),
  );

describe("the build's change detection", () => {
  it("holds every top-level source file but other tools' configs", () => {
    const files = fs
      .readdirSync(ROOT, { withFileTypes: true })
      .filter((e) => e.isFile() && SOURCE.test(e.name) && !OTHER_TOOLS.includes(e.name));
    expect(files.map((e) => e.name)).toContain("proxy.ts");
    for (const { name } of files) expect(inputs, name).toContain(name);
  });

  it("holds every folder Next reads by its name", () => {
    for (const dir of CONVENTION_DIRS.filter((d) => fs.existsSync(path.join(ROOT, d))))
      expect(holds(dir), dir).toBe(true);
  });

  it("holds every folder and file the bundled code imports from", () => {
    const missing = new Set<string>();
    for (const file of inputs.filter((f) => IMPORTER.test(f))) {
      for (const [, specifier] of fs.readFileSync(path.join(ROOT, file), "utf8").matchAll(SPECIFIER)) {
        const target = specifier!.startsWith("@/")
          ? specifier!.slice(2)
          : specifier!.startsWith(".")
            ? path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier!))
            : null;
        const top = target?.split(/[\\/]/)[0];
        if (top && top !== ".." && !holds(top)) missing.add(`${top} (${file})`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
