import { expect, test } from "@playwright/test";

test("the overview shows the period's figures and follows the period links", async ({ page }, testInfo) => {
  const consoleErrors: string[] = [];
  page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await expect(page.getByText("The trading system over the last 30d")).toBeVisible();

  const cost = page.locator("dt", { hasText: "LLM cost (USD)" }).locator("..").locator("dd").first();
  const thirtyDays = await cost.textContent();
  await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "7d" }).click();
  await expect(page).toHaveURL(/\?days=7$/);
  await expect(page.getByText("The trading system over the last 7d")).toBeVisible();
  await expect(page.getByRole("link", { name: "7d" })).toHaveAttribute("aria-current", "true");

  if (testInfo.project.name === "demo") {
    expect(thirtyDays).toMatch(/^\$\d/);
    expect(await cost.textContent()).not.toBe(thirtyDays);
    await expect(page.getByRole("region", { name: "Latest model swaps" }).getByRole("listitem")).toHaveCount(6);
  } else {
    expect(thirtyDays).toBe("$0.00");
    await expect(page.getByText("No model swaps yet.")).toBeVisible();
  }
  expect(consoleErrors).toEqual([]);
});

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
    expect(colorScheme === "dark" ? luminance < 100 : luminance > 600).toBe(true);
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
