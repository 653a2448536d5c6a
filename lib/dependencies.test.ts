// A fresh clone installs exactly what was tested. Known advisories are checked with `npm audit` before a release
// (README: release checklist), not pinned here, where a list of dates would go stale.
import fs from "node:fs";
import { describe, expect, it } from "vitest";

describe("dependencies", () => {
  it("pins every dependency to an exact version, so a fresh clone runs what was tested", () => {
    const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
    for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }))
      expect(range, name).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
