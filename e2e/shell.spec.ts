import { expect, test, type Page } from "@playwright/test";
import { readMigrations } from "../migrations/migration-files";

const PAGES = ["Overview", "Agents", "Costs", "Model swaps", "Review", "Trades", "System"];

/** The browser's reports of what the content security policy blocked on `page`, gathered from now on. */
function cspReports(page: Page): string[] {
  const reports: string[] = [];
  page.on("console", (message) => /Content Security Policy/i.test(message.text()) && reports.push(message.text()));
  return reports;
}

test("the shell links every page of the contract and marks the current one", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of PAGES) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
});

test("an unknown address shows the not-found page inside the shell", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the overview" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("/api/health answers ok with the schema version and no path", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({
    status: "ok",
    schema_version: readMigrations().length,
    database: { journal_mode: expect.any(String) },
  });
  expect(body.database.size_bytes).toBeGreaterThan(0);
  expect(JSON.stringify(body)).not.toContain(".db");
});

test("pages and the API carry the security headers, and the pages work under the content security policy", async ({
  page,
  request,
}) => {
  const csp = cspReports(page);
  for (const response of [await page.goto("/"), await request.get("/api/health")]) {
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("default-src 'self'");
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/); // no inline script without the nonce
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
  }
  await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "7d" }).click(); // client navigation runs scripts
  await expect(page).toHaveURL(/days=7/);
  await page.goto("/costs");
  expect(csp).toEqual([]);
});

test("a chart's numbers open under the content security policy", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "demo", "the empty file has no chart to open");
  const csp = cspReports(page);
  await page.goto("/costs");
  await page.getByText("Show the numbers").first().click();
  expect(csp).toEqual([]);
});
