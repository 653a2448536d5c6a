import { expect, test } from "@playwright/test";

// A desk without DATABASE_URL (the demo server) has no fleet: no menu entry, /fleet says what a central desk is, and
// the ingestion routes answer 404 whatever they are sent.

test("a desk over one file has no fleet, and takes no shipped rows", async ({ page, request }) => {
  await page.goto("/fleet");
  await expect(page.getByRole("heading", { level: 2, name: /one trading file|트레이딩 파일 하나/ })).toBeVisible();
  const menu = page.getByRole("navigation", { name: /^(Main|주 메뉴)$/ });
  await expect(menu.getByRole("link", { name: /^(Overview|개요)$/ })).toHaveCount(1);
  await expect(menu.getByRole("link", { name: /Fleet|전체 시스템/ })).toHaveCount(0);
  const batch = await request.post("/api/ingest/batch", {
    headers: { authorization: "Bearer 0123456789abcdef0123456789" },
    data: { seq: 1, rows: {} },
  });
  expect(batch.status()).toBe(404);
  const fleet = await request.get("/api/fleet");
  expect(fleet.status()).toBe(404);
});
