import { expect, test } from "@playwright/test";

const PAGES = [
  { path: "/agents", heading: "Agents" },
  { path: "/agents/cio", heading: "cio" },
  { path: "/costs", heading: "LLM usage and cost" },
  { path: "/evolution", heading: "Model swaps" },
  { path: "/review", heading: "Agents to review" },
  { path: "/trades", heading: "Trades" },
  { path: "/system", heading: "System" },
  { path: "/alerts", heading: "Alerts" },
];

for (const { path, heading } of PAGES) {
  test(`${path} renders from the database without a console error`, async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    page.on("pageerror", (error) => errors.push(error.message));
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
  });
}

test("an unknown agent is not found", async ({ page }) => {
  const response = await page.goto("/agents/no_such_agent");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
});

test("the API answers a bad parameter with 400 and says what is wrong", async ({ request }) => {
  for (const [path, message] of [
    ["/api/llm/usage?days=0", /days must be between 1 and 3650/],
    ["/api/llm/usage?days=abc", /days must be a whole number/],
    ["/api/agents/underperforming?min_trades=-1", /min_trades must be between 0/],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect((await response.json()).error, path).toMatch(message);
  }
});
