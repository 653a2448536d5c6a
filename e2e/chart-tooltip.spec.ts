// Charts are drawn on the server; the tooltip is the one part that runs in the browser. On the demo data: the day
// under the pointer (or a finger) is the one the tooltip names, with the figures its "Show the numbers" table has.
import { expect, test, type Locator, type Page } from "@playwright/test";

// Where the plot starts and ends inside a chart (components/charts/plot-geometry.ts): the value axis, the margin.
const PLOT_LEFT = 68;
const PLOT_RIGHT_MARGIN = 8;

/** Each series' figure the tooltip shows, in the table's column order, and the day it names. */
async function tooltip(chart: Locator) {
  const day = chart.locator("p").filter({ hasText: /^\d{4}-\d{2}-\d{2}$/ });
  await expect(day).toBeVisible();
  const lines = day.locator("xpath=following-sibling::p");
  const values = await lines.evaluateAll((ps) => ps.map((p) => p.lastElementChild?.textContent ?? ""));
  return { day: await day.innerText(), values };
}

/** The table's figures for `day`, column by column. */
async function tableRow(chart: Locator, day: string) {
  const row = chart.getByRole("row").filter({ has: chart.page().getByRole("rowheader", { name: day, exact: true }) });
  return row.getByRole("cell").allInnerTexts();
}

async function plotPoint(page: Page, chart: Locator, along: number) {
  const box = (await chart.boundingBox())!;
  return { x: box.x + PLOT_LEFT + (box.width - PLOT_LEFT - PLOT_RIGHT_MARGIN) * along, y: box.y + 60 };
}

test("the tooltip names the day under the pointer, with its table's figures, and goes when the pointer leaves", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "demo", "needs calls to chart");
  await page.goto("/costs?days=7");
  const chart = page.getByRole("figure", { name: /LLM cost per day by provider/ });
  await chart.getByText("Show the numbers").click();

  const seen: string[] = [];
  for (const along of [0.1, 0.5, 0.95]) {
    const { x, y } = await plotPoint(page, chart, along);
    await page.mouse.move(x, y);
    const { day, values } = await tooltip(chart);
    expect(values).toEqual(await tableRow(chart, day));
    seen.push(day);
  }
  // Seven days across the plot: its left, middle and right are three different days, in order.
  expect(new Set(seen).size).toBe(3);
  expect([...seen].sort()).toEqual(seen);

  await page.mouse.move(0, 0);
  await expect(chart.locator("p").filter({ hasText: /^\d{4}-\d{2}-\d{2}$/ })).toHaveCount(0);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("a tap shows the day's tooltip, and it stays up to be read", async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "demo", "needs calls to chart");
    await page.goto("/system");
    const chart = page.getByRole("figure", { name: "Daily LLM cost" });
    await chart.scrollIntoViewIfNeeded();
    const { x, y } = await plotPoint(page, chart, 0.5);
    await page.touchscreen.tap(x, y);
    const { day, values } = await tooltip(chart);
    await chart.getByText("Show the numbers").click();
    expect(values).toEqual(await tableRow(chart, day));
  });
});
