// A swap's page: reached from the timeline, it says the verdict and what it rests on, shows both windows' trades
// and the model in each, passes axe in light and dark, and an unknown swap is not found.
import { expect, test } from "@playwright/test";
import { expectAccessible, pageErrors } from "./page-checks";

test("a swap's page says its verdict, its interval and what it rests on, with both windows", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "demo", "the empty file has no swaps");
  const errors = pageErrors(page);
  await page.goto("/evolution");
  const timeline = page.getByRole("table", { name: "Model swaps, newest first" });
  // The oldest swap's window has long ended: its page has a verdict, windows and trades.
  const link = timeline.getByRole("link", { name: /^#\d+$/ }).last();
  const id = (await link.textContent())!.slice(1);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/evolution/${id}$`));
  await expect(page.getByRole("heading", { name: `Swap #${id}`, level: 1 })).toBeVisible();

  const verdict = page.getByRole("region", { name: "Verdict" });
  await expect(verdict.getByText(/^(passed|breached|inconclusive|rolled back|superseded)$/)).toBeVisible();
  await expect(verdict.getByText(/Observations: one per/)).toBeVisible();
  await expect(page.getByRole("region", { name: "The model in each window" }).getByRole("row")).toHaveCount(3);

  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page, `/evolution/${id} (${scheme})`);
    await page.screenshot({ path: testInfo.outputPath(`swap-${scheme}.png`), fullPage: true });
  }

  await page.getByRole("link", { name: "All swaps" }).click();
  await expect(page).toHaveURL(/\/evolution$/);
  expect(errors).toEqual([]);
});

test("the timeline draws each judged swap's interval and leads to its page", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "demo", "the empty file has no swaps");
  await page.goto("/evolution");
  const intervals = page.getByRole("link", { name: /^Swap #\d+: the verdict and what it rests on$/ });
  expect(await intervals.count()).toBeGreaterThan(0);
  await expect(intervals.first()).toContainText(/90 %: -?[\d,]+% … -?[\d,]+%/);
  await intervals.first().click();
  await expect(page.getByRole("heading", { name: /^Swap #\d+$/, level: 1 })).toBeVisible();
});

test("an unknown swap is not found", async ({ page }) => {
  for (const path of ["/evolution/999999", "/evolution/abc", "/evolution/0"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
