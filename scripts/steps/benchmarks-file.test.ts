import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { writeBenchSection, writeLoadTestSection } from "./benchmarks-file";

const FILE_TEXT = `# Benchmarks

intro

## 1,000,000 LLM calls, 100,000 trades (365 days)

old 1M table

## Backups (npm run bench:backup)

written by hand

## Load test (npm run loadtest)

### Steady load

steady lines
`;

it("a bench run replaces its own sizes only, keeping the sections written by hand and the load test's", () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-file-")), "BENCHMARKS.md");
  fs.writeFileSync(file, FILE_TEXT);
  writeBenchSection(
    "# Benchmarks\n\nnew intro\n\n## 10,000,000 LLM calls, 100,000 trades (365 days)\n\nnew 10M table\n",
    file,
  );
  const text = fs.readFileSync(file, "utf8");
  expect(text).toContain("new 10M table");
  expect(text).not.toContain("old 1M table");
  expect(text).toContain("## Backups (npm run bench:backup)\n\nwritten by hand");
  expect(text).toContain("### Steady load\n\nsteady lines");

  writeLoadTestSection("Steady load", ["new steady lines"], file);
  const after = fs.readFileSync(file, "utf8");
  expect(after).toContain("written by hand");
  expect(after).toContain("new 10M table");
  expect(after).toContain("### Steady load\n\nnew steady lines");
  expect(after.indexOf("## Backups")).toBeLessThan(after.indexOf("## Load test"));
});
