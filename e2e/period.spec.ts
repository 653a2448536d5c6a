// A period of calendar days in the URL (`?from=YYYY-MM-DD&to=YYYY-MM-DD`), on the demo data: the picker shows it as
// the current period, the figures are the API's for the same days, the daily charts have one row per chosen day,
// and links on the page keep it.
import { expect, test } from "@playwright/test";
import { statValue } from "./stat";

const ZONE = process.env.DATA_TIMEZONE || "Asia/Seoul"; // the demo server's (e2e/serve.ts reads the same environment)
const DAY = 86_400_000;
/** `YYYY-MM-DD` on the data zone's calendar, `daysAgo` days before today. */
const date = (daysAgo: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(new Date(Date.now() - daysAgo * DAY));

test("/costs over calendar days shows them as the period, with the API's figures", async ({
  page,
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== "demo", "needs calls in the period");
  const [from, to] = [date(14), date(7)];
  const errors: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(error.message));

  const response = await page.goto(`/costs?from=${from}&to=${to}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText(`Calls of ${from} – ${to}; costs in USD`)).toBeVisible();
  const picker = page.getByRole("navigation", { name: "Period" });
  await expect(picker.locator('[aria-current="true"]')).toHaveText(`${from} – ${to}`);
  await expect(picker.getByRole("link", { name: "30d" })).not.toHaveAttribute("aria-current", "true");
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(from);
  await expect(page.getByLabel("To", { exact: true })).toHaveValue(to);

  const usage = await (await request.get(`/api/llm/usage?from=${from}&to=${to}`)).json();
  expect(usage).toMatchObject({ period_days: 8, period_from: from, period_to: to });
  const cost = (Object.values(usage.provider_stats) as { total_cost: number }[]).reduce(
    (sum, p) => sum + p.total_cost,
    0,
  );
  expect(cost).toBeGreaterThan(0);
  await expect(statValue(page, "LLM cost (USD)")).toHaveText(
    new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: "USD",
      minimumFractionDigits: 2,
      maximumFractionDigits: cost < 1 ? 4 : 2,
    }).format(cost),
  );

  // One row per chosen day, from `from` to `to`.
  const chart = page.getByRole("figure", { name: /LLM cost per day by provider/ });
  await chart.getByText("Show the numbers").click();
  const days = chart.getByRole("rowheader");
  await expect(days).toHaveCount(8);
  await expect(days.first()).toHaveText(from);
  await expect(days.last()).toHaveText(to);

  // Links that carry the period keep it.
  await expect(
    page.getByRole("navigation", { name: "Group the charts by" }).getByRole("link", { name: "Agent" }),
  ).toHaveAttribute("href", `/costs?from=${from}&to=${to}&by=agent`);
  const agent = page.getByRole("table", { name: "LLM usage by agent" }).getByRole("link").first();
  await expect(agent).toHaveAttribute("href", new RegExp(`\\?from=${from}&to=${to}$`));
  expect(errors).toEqual([]);
});

test("the picker's date form asks for calendar days, and a named period replaces them", async ({ page }) => {
  const [from, to] = [date(30), date(1)];
  await page.goto("/costs?by=model");
  await page.getByLabel("From", { exact: true }).fill(from);
  await page.getByLabel("To", { exact: true }).fill(to);
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/costs\\?by=model&from=${from}&to=${to}$`));
  await expect(page.getByRole("navigation", { name: "Period" }).locator('[aria-current="true"]')).toHaveText(
    `${from} – ${to}`,
  );
  await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "7d" }).click();
  await expect(page).toHaveURL(/\/costs\?by=model&days=7$/);
});

test("a period the page cannot read falls back to the default and says so", async ({ page }) => {
  const response = await page.goto("/costs?from=2026-02-30&to=2026-03-01");
  expect(response?.status()).toBe(200);
  // Filtered by its words: Next.js's route announcer is an alert too.
  await expect(page.getByRole("alert").filter({ hasText: "not understood" })).toContainText(
    "from must be a calendar date as YYYY-MM-DD",
  );
  await expect(page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "30d" })).toHaveAttribute(
    "aria-current",
    "true",
  );
});
