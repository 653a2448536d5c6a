import { expect, test } from "@playwright/test";

const MATRIX = "Agents and the models each ran in the period: days run, trades, score and LLM use per model";

// Both files run on the bundled agent config, so every agent has at least its config model to show.
test("the agents page switches to the model history and back, in the URL", async ({ page }) => {
  await page.goto("/agents?days=30");
  await expect(page.getByRole("heading", { name: "Agents", level: 1 })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "View" });
  await expect(tabs.getByRole("link", { name: "Leaderboard" })).toHaveAttribute("aria-current", "true");

  await tabs.getByRole("link", { name: "Model history" }).click();
  await expect(page).toHaveURL(/[?&]view=models/);
  await expect(page).toHaveURL(/[?&]days=30/);
  await expect(tabs.getByRole("link", { name: "Model history" })).toHaveAttribute("aria-current", "true");
  const matrix = page.getByRole("table", { name: MATRIX });
  await expect(matrix).toBeVisible();
  await expect(matrix.getByRole("columnheader", { name: /^Days run/ })).toBeVisible();
  await expect(matrix.getByRole("columnheader", { name: /^Score/ })).toBeVisible();
  await expect(matrix.getByRole("link", { name: "cio", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Leaderboard" })).toHaveCount(0);

  await tabs.getByRole("link", { name: "Leaderboard" }).click();
  await expect(page).not.toHaveURL(/view=/);
  await expect(page.getByRole("region", { name: "Leaderboard" })).toBeVisible();
  await expect(page.getByRole("table", { name: MATRIX })).toHaveCount(0);
});

test("an agent's page ends with its model history, each model leading to the swap form", async ({ page }) => {
  await page.goto("/agents/cio?days=30");
  await expect(page.getByRole("heading", { name: "cio", level: 1 })).toBeVisible();
  const card = page.getByRole("region", { name: "Model history" });
  await expect(card).toBeVisible();
  const table = card.getByRole("table", {
    name: "Models cio ran in the period: days run, trades, score and LLM use per model",
  });
  await expect(table).toBeVisible();
  await expect(table.getByText("now", { exact: true })).toHaveCount(1);
  const link = table.getByRole("link").first();
  const model = (await link.textContent())!.trim();
  await expect(link).toHaveAttribute("href", `/evolution?swap=cio&model=${encodeURIComponent(model)}#swap-form`);
  await link.click();
  const form = page.getByRole("form", { name: "Manual swap" });
  await expect(form.getByLabel("Agent")).toHaveValue("cio");
  await expect(form.getByRole("combobox", { name: "New model" })).toHaveValue(model);
});

test("on the demo, a swapped agent's history shows more than one model", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "demo", "needs swaps");
  await page.goto("/agents?view=models&days=90");
  const matrix = page.getByRole("table", { name: MATRIX });
  const rows = matrix
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: "technical_analyst", exact: true }) });
  expect(await rows.count()).toBeGreaterThanOrEqual(2);
});
