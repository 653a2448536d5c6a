// A short run of `npm run loadtest` (the full one runs 60 s): the Python writer at 100 calls/s with trades and PnL
// updates while 8 clients hit every page and API path; zero writer errors, zero 5xx, API totals equal to the file.
import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";

test("beside a live Python writer under load: no writer error, no 5xx, exact totals, a bounded WAL", async ({}, testInfo) => {
  test.skip(testInfo.project.name !== "demo", "starts its own server; once is enough");
  test.setTimeout(180_000);
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/loadtest.ts", "--seconds", "12", "--port", "3196"],
    { encoding: "utf8" },
  );
  expect(run.stdout + run.stderr).toMatch(/load test passed/);
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/writer: \d+ LLM calls \(\d+\/s\).*, 0 errors/);
  expect(run.stdout).toMatch(/, 0 5xx\/failed/);
});
