// Every dashboard page on the demo data and on an empty file: accessible (axe-core: no serious or critical
// violation, light and dark), no console error, usable at phone width; and on the demo, figures that match the API.
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectAccessible, pageErrors } from "./page-checks";
import { statValue } from "./stat";

const PAGES = [
  "/",
  "/?days=365",
  "/agents",
  "/agents?view=models",
  "/agents/cio",
  "/costs",
  "/costs?by=model",
  "/trades",
  "/system",
  "/evolution",
  "/review",
  "/alerts",
];

async function firstTradePath(page: Page): Promise<string> {
  await page.goto("/trades?days=365&pnl=known");
  return (await page.getByRole("table").getByRole("link").first().getAttribute("href"))!;
}

/** Opens `path` at desktop width: it answers 200, has its heading and passes axe; then it fits a phone. */
async function expectPageWorks(page: Page, path: string, scheme: string, testInfo: TestInfo) {
  await page.setViewportSize({ width: 1400, height: 900 });
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page, path);
  await page.screenshot({
    path: testInfo.outputPath(`${path.replace(/[^a-z0-9]+/gi, "_") || "root"}-${scheme}.png`),
    fullPage: true,
  });
  await page.setViewportSize({ width: 390, height: 844 });
  // Charts re-measure after a resize: poll until they have.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
      message: `${path} at phone width`,
    })
    .toBeLessThanOrEqual(0);
}

for (const scheme of ["light", "dark"] as const) {
  test(`every page renders, passes axe and fits a phone, in ${scheme} mode`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const errors = pageErrors(page);
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of PAGES) await expectPageWorks(page, path, scheme, testInfo);
    expect(errors).toEqual([]);
  });

  test(`a trade's page renders, passes axe and fits a phone, in ${scheme} mode`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "demo", "needs trades");
    const errors = pageErrors(page);
    await page.emulateMedia({ colorScheme: scheme });
    await expectPageWorks(page, await firstTradePath(page), scheme, testInfo);
    expect(errors).toEqual([]);
  });
}

test("an unknown trade is not found", async ({ page }) => {
  const response = await page.goto("/trades/NO-SUCH-TRADE");
  expect(response?.status()).toBe(404);
});

test("the costs page's totals are the API's, to the cent", async ({ page, request }) => {
  const usage = await (await request.get("/api/llm/usage?days=30")).json();
  const providers = Object.values(usage.provider_stats) as { total_cost: number; total_requests: number }[];
  const cost = providers.reduce((sum, p) => sum + p.total_cost, 0);
  const calls = providers.reduce((sum, p) => sum + p.total_requests, 0);
  await page.goto("/costs?days=30");
  await expect(statValue(page, "LLM cost (USD)")).toHaveText(
    new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: "USD",
      minimumFractionDigits: 2,
      maximumFractionDigits: cost !== 0 && cost < 1 ? 4 : 2,
    }).format(cost),
  );
  await expect(statValue(page, "Calls")).toHaveText(new Intl.NumberFormat("en-US").format(calls));
});

test("the leaderboard sorts by cost, filters by workflow and leads to the agent", async ({
  page,
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== "demo", "needs agents with calls");
  const usage = await (await request.get("/api/llm/usage?days=30")).json();
  const top = Object.entries(usage.agent_stats as Record<string, { total_cost: number }>).sort(
    (a, b) => b[1].total_cost - a[1].total_cost,
  )[0]![0];
  await page.goto("/agents?days=30");
  await page.getByRole("link", { name: "LLM cost", exact: true }).click();
  await expect(page).toHaveURL(/sort=cost&dir=desc/);
  await expect(page.getByRole("columnheader", { name: /LLM cost/ })).toHaveAttribute("aria-sort", "descending");
  const firstRanked = page.getByRole("row").filter({ hasNotText: "preliminary" }).nth(1);
  await expect(firstRanked.getByRole("link").first()).toHaveText(top);

  await page.getByRole("navigation", { name: "Workflow" }).getByRole("link", { name: "Reflection" }).click();
  await expect(page).toHaveURL(/workflow=reflection/);
  await expect(page.getByRole("link", { name: "performance_analyzer" })).toBeVisible();
  await expect(page.getByRole("link", { name: "cio", exact: true })).toHaveCount(0);

  await page.getByRole("link", { name: "performance_analyzer" }).click();
  await expect(page.getByRole("heading", { name: "performance_analyzer", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Swap this agent's model" })).toBeVisible();
});

test("the trade log filters in the URL, pages, and opens a trade's full record", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "demo", "needs trades");
  await page.goto("/trades?days=365");
  await page.getByLabel("Action").selectOption("sell");
  await page.getByRole("combobox", { name: "7-day PnL" }).selectOption("known");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=sell/);
  await expect(page).toHaveURL(/pnl=known/);
  const cells = page.getByRole("table").getByRole("row").locator("td:nth-child(4)");
  await expect(cells.first()).toHaveText("sell");
  expect(new Set(await cells.allTextContents())).toEqual(new Set(["sell"]));
  await expect(page.getByRole("cell", { name: "pending" })).toHaveCount(0);

  // The demo's sells with a known 7-day PnL fill more than one page of 50.
  const firstBefore = await page.getByRole("table").getByRole("row").nth(1).textContent();
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/after=\d+\.\d+/);
  expect(await page.getByRole("table").getByRole("row").nth(1).textContent()).not.toBe(firstBefore);

  const link = page.getByRole("table").getByRole("link").first();
  const id = await link.textContent();
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^sell /);
  await expect(page.getByText(`Trade ${id}`)).toBeVisible();
  await expect(page.getByRole("list", { name: "Contributions by agent" }).getByRole("listitem").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Market snapshot" })).toBeVisible();
});

test("the costs charts switch their grouping in the URL", async ({ page }) => {
  await page.goto("/costs?days=7");
  await page.getByRole("navigation", { name: "Group the charts by" }).getByRole("link", { name: "Agent" }).click();
  await expect(page).toHaveURL(/by=agent/);
  await expect(page.getByRole("heading", { name: /Cost over time by agent/ })).toBeVisible();
  await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "30d" }).click();
  await expect(page).toHaveURL(/by=agent&days=30/);
});

test("a trade whose JSON holds Python's NaN shows it as written, with a note", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "demo", "needs the demo's NaN trade");
  const db = new Database(path.resolve("e2e", ".data", "demo.db"), { readonly: true });
  const id = db
    .prepare("SELECT trade_id FROM trades WHERE analysis_metadata LIKE '%NaN%' AND trade_id IS NOT NULL LIMIT 1")
    .pluck()
    .get() as string;
  db.close();
  await page.goto(`/trades/${id}`);
  const metadata = page.getByRole("region", { name: "Analysis metadata" });
  await expect(metadata).toContainText("holds NaN or Infinity");
  await expect(metadata.locator("pre")).toContainText("NaN");
});
