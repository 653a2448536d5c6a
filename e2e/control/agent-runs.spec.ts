// What each agent runs, by its config, its swap log and its LLM calls. The control server reads a copy of the
// trading system's config (AGENT_CONFIG_PATH) that the demo's seeded swaps never rewrote: flow_analyst's config still
// names flash-2.5, while its latest swap (a cost cut) and every call of the last 14 days are flash-lite. cio was never
// swapped and calls its config's model: its sources agree. (Without AGENT_CONFIG_PATH, as on the demo server, the
// bundled example config is no source at all.)
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

const FLOW = "Models flow_analyst runs, by source";

test("an agent whose sources disagree says so under its description, the config emphasised", async ({ page }) => {
  await signIn(page, "/agents/flow_analyst");
  await expect(page.getByRole("heading", { name: "flow_analyst", level: 1 })).toBeVisible();
  const line = page.getByRole("note", { name: FLOW });
  await expect(line).toHaveText(/^config: flash-2\.5 · recorded: flash-lite · last 50 calls: flash-lite/);
  await expect(line.locator("strong")).toHaveText("config: flash-2.5");

  await page.goto("/agents/cio");
  await expect(page.getByRole("heading", { name: "cio", level: 1 })).toBeVisible();
  await expect(page.getByRole("note", { name: "Models cio runs, by source" })).toHaveCount(0);
});

test("the leaderboard and the review page point at the agents whose sources disagree", async ({ page }) => {
  await signIn(page, "/agents");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "flow_analyst", exact: true }) });
  await expect(row.getByRole("note", { name: FLOW })).toContainText("recorded: flash-lite");
  const cio = page.getByRole("row").filter({ has: page.getByRole("link", { name: "cio", exact: true }) });
  await expect(cio.getByRole("note")).toHaveCount(0);

  await page.goto("/review");
  const notice = page.getByRole("note", { name: "Agents whose sources disagree" });
  await expect(notice).toContainText("The config, the swap log and the LLM calls name different models for");
  await notice.getByRole("link", { name: "flow_analyst", exact: true }).click();
  await expect(page).toHaveURL(/\/agents\/flow_analyst$/);
  await expect(page.getByRole("note", { name: FLOW })).toBeVisible();
});
