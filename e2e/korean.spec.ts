// The desk in Korean, its operators' language: every page speaks it (a Korean browser gets it at once), passes
// axe in light and dark, fits a phone without clipping, shows times on a 24-hour clock, and never disagrees with
// the server while hydrating. The switch in the sidebar keeps the choice across reloads.
import { expect, test } from "@playwright/test";
import { expectAccessible, pageErrors } from "./page-checks";

const NOT_FOUND = "/nowhere";
const PAGES = [
  "/",
  "/agents",
  "/agents/cio",
  "/costs",
  "/trades",
  "/system",
  "/evolution",
  "/review",
  "/alerts",
  NOT_FOUND,
];
const HANGUL = /[\uAC00-\uD7A3]/;

test.describe("in Korean", () => {
  test.use({ locale: "ko-KR" });

  for (const scheme of ["light", "dark"] as const) {
    test(`every page speaks Korean, passes axe and fits 1280 and 390 px, in ${scheme} mode`, async ({
      page,
    }, testInfo) => {
      test.setTimeout(150_000);
      const errors = pageErrors(page);
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of PAGES) {
        await page.setViewportSize({ width: 1280, height: 900 });
        const seen = errors.length;
        const response = await page.goto(path);
        await page.waitForLoadState("networkidle");
        if (path === NOT_FOUND) {
          // The not-found page answers 404, which the browser logs as a failed load: that one is expected.
          expect(response?.status()).toBe(404);
          errors.splice(seen, errors.length - seen, ...errors.slice(seen).filter((e) => !e.includes("status of 404")));
        }
        await expect(page.locator("html")).toHaveAttribute("lang", "ko");
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(HANGUL);
        await expect(page.getByRole("navigation", { name: "주 메뉴" })).toBeVisible();
        await expectAccessible(page, path);
        const name = `${path.replace(/[^a-z0-9]+/gi, "_") || "root"}-ko-${scheme}`;
        await page.screenshot({ path: testInfo.outputPath(`${name}-1280.png`), fullPage: true });
        await page.setViewportSize({ width: 390, height: 844 });
        await expect
          .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
            message: `${path} at 390 px`,
          })
          .toBeLessThanOrEqual(0);
        await page.screenshot({ path: testInfo.outputPath(`${name}-390.png`), fullPage: true });
      }
      expect(errors).toEqual([]);
    });
  }

  test("every figure explains itself, by keyboard as by tap: what it measures and its unit", async ({ page }) => {
    await page.goto("/costs");
    const explain = page.getByRole("button", { name: /무엇을 뜻하나요\?$/ });
    await expect(explain.first()).toBeVisible(); // count() does not wait for the page to arrive
    expect(await explain.count()).toBeGreaterThan(5);
    // Every key figure of the page has its "?": the stats, the charts, the tables' figure columns.
    for (const label of await page.locator("dl dt").all()) await expect(label.getByRole("button")).toHaveCount(1);
    const first = explain.first();
    await first.focus();
    await page.keyboard.press("Enter");
    const note = page.locator(":popover-open");
    await expect(note).toBeVisible();
    await expect(note).toContainText("단위:");
    await expect(note).toHaveText(HANGUL);
    await page.keyboard.press("Escape");
    await expect(note).toHaveCount(0);
    await expect(first).toBeFocused();
  });

  test("money, compact numbers and dates read as a Korean trader expects", async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "demo", "the empty file has no figures to format");
    await page.goto("/?days=30");
    // The overview's sections stream in: the assertion waits for the key figures before the page is read.
    await expect(page.locator("main")).toHaveText(/₩[\d,]+(?![.\d])/); // won without a minor unit
    const main = await page.locator("main").innerText();
    expect(main).not.toMatch(/US\$|KRW\s?\d/);
    await page.goto("/costs?days=30");
    const costs = await page.locator("main").innerText();
    expect(costs).toMatch(/\$[\d,]+\.\d{2}/); // dollars with cents, as $ rather than US$
    expect(costs).not.toMatch(/US\$/);
    expect(costs).toMatch(/[\d,.]+(만|억)/); // token counts in Korean units, 3,450만 rather than 34.5M
  });

  test("times are on a 24-hour clock in the data's zone, never 오전/오후", async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "demo", "the empty file has no trades to show times of");
    await page.goto("/trades?days=365");
    const body = await page.locator("main").innerText();
    expect(body).toMatch(/\d{4}년 \d{1,2}월 \d{1,2}일 \d{2}:\d{2}/);
    expect(body).not.toMatch(/오전|오후|AM|PM/);
  });
});

test("the language switch keeps the reader's choice across reloads", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/costs");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "한국어" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("button", { name: "한국어" })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(HANGUL);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await context.close();
});
