import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { writeBenchSection, writeBrowserSection, writeLoadTestSection } from "./benchmarks-file";

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

it("the browser part goes after the bench's sizes, replaces itself only, and outlives the other runs", () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-file-")), "BENCHMARKS.md");
  fs.writeFileSync(file, FILE_TEXT);
  writeBrowserSection("## In the browser (npm run bench:browser)\n\nfirst browser table\n", file);
  writeBrowserSection("## In the browser (npm run bench:browser)\n\nsecond browser table\n", file);
  writeBenchSection("# Benchmarks\n\nnew intro\n\n## 1,000,000 LLM calls\n\nnew 1M table\n", file);
  writeLoadTestSection("Steady load", ["new steady lines"], file);
  const text = fs.readFileSync(file, "utf8");
  expect(text).not.toContain("first browser table");
  const order = ["new 1M table", "second browser table", "written by hand", "new steady lines"].map((s) =>
    text.indexOf(s),
  );
  expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);

  // Run alone into a file that has no bench tables yet, then the bench's own run.
  const alone = path.join(path.dirname(file), "ALONE.md");
  writeBrowserSection("## In the browser (npm run bench:browser)\n\nalone\n", alone);
  writeBenchSection("# Benchmarks\n\n## 1,000,000 LLM calls\n\n1M table\n", alone);
  expect(fs.readFileSync(alone, "utf8")).toMatch(/1M table\n\n## In the browser[^]*alone\n$/);
});
