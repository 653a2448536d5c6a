import { expect, test, type Page } from "@playwright/test";
import { statValue } from "./stat";

/** Opens the overview (30 days), reads its LLM cost, and follows the period link to 7 days. */
async function fromThirtyToSevenDays(page: Page) {
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await expect(page.getByText("The trading system over the last 30d")).toBeVisible();

  const cost = statValue(page, "LLM cost (USD)");
  const thirtyDays = await cost.textContent();
  await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "7d" }).click();
  await expect(page).toHaveURL(/\?days=7$/);
  await expect(page.getByText("The trading system over the last 7d")).toBeVisible();
  await expect(page.getByRole("link", { name: "7d" })).toHaveAttribute("aria-current", "true");
  return { cost, thirtyDays };
}

test("the overview shows the period's figures and follows the period links", async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
  await fromThirtyToSevenDays(page);
  expect(consoleErrors).toEqual([]);
});

test("on the demo, the LLM cost follows the period and the latest swaps are listed", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "demo", "needs calls and swaps");
  const { cost, thirtyDays } = await fromThirtyToSevenDays(page);
  expect(thirtyDays).toMatch(/^\$\d/);
  expect(await cost.textContent()).not.toBe(thirtyDays);
  await expect(page.getByRole("region", { name: "Latest model swaps" }).getByRole("listitem")).toHaveCount(6);
});

test("on an empty file, the overview costs nothing and has no swaps to list", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "empty", "needs a file without calls or swaps");
  const { thirtyDays } = await fromThirtyToSevenDays(page);
  expect(thirtyDays).toBe("$0.00");
  await expect(page.getByText("No model swaps yet.")).toBeVisible();
});

// r + g + b of the page's background (0 to 765): near white in light mode, near black in dark.
const BACKGROUND = { light: { least: 601, most: 765 }, dark: { least: 0, most: 99 } } as const;

for (const colorScheme of ["light", "dark"] as const) {
  test(`renders in ${colorScheme} mode, following the system`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/?days=90");
    await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
    // Paint the computed colour (Tailwind's are oklch) on a canvas to read it back as RGB.
    const luminance = await page.evaluate(() => {
      const context = document.createElement("canvas").getContext("2d")!;
      context.fillStyle = getComputedStyle(document.body).backgroundColor;
      context.fillRect(0, 0, 1, 1);
      const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
      return r! + g! + b!;
    });
    expect(luminance).toBeGreaterThanOrEqual(BACKGROUND[colorScheme].least);
    expect(luminance).toBeLessThanOrEqual(BACKGROUND[colorScheme].most);
    await page.screenshot({ path: testInfo.outputPath(`overview-${colorScheme}.png`), fullPage: true });
  });
}

test("works at phone width", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
