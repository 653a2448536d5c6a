import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "yaml";
import { SESSION_COOKIE, SESSION_HOURS, signSession } from "../../lib/server/session";
import { BUNDLED_AGENT_CONFIG, CONTROL_AGENT_CONFIG } from "./settings";
import { signIn } from "./sign-in";

// One operator's session against the `control` server; the tests change its data, so they run in order.
test.describe.configure({ mode: "serial" });

const ORIGINAL = fs.readFileSync(BUNDLED_AGENT_CONFIG, "utf8");
type Swap = {
  id: number;
  agent_name: string;
  reason: string;
  status: string;
  rollback_of: number | null;
  triggered_by: string;
  new_provider: string;
  new_model: string;
};

async function swaps(page: Page): Promise<Swap[]> {
  return (await page.request.get("/api/evolution")).json();
}

/** An agent whose current model (config, then swaps) is what the config file says, so a rollback restores the file. */
async function agentMatchingConfig(page: Page): Promise<string> {
  const mapping = (await (await page.request.get("/api/agents/mapping")).json()).agents as Record<
    string,
    { provider: string; model: string }
  >;
  const file = parse(ORIGINAL).agents as Record<string, { provider: string; model: string }>;
  return Object.keys(file).find(
    (a) =>
      mapping[a]?.provider === file[a]!.provider && mapping[a]?.model === file[a]!.model && file[a]!.provider !== "gpt",
  )!;
}

async function fillSwap(page: Page, agent: string, reason: string) {
  const form = page.getByRole("form", { name: "Manual swap" });
  await form.getByLabel("Agent").selectOption(agent);
  await form.getByLabel("New provider").selectOption("gpt");
  await form.getByLabel("New model").fill("gpt-5");
  await form.getByLabel("Reason").fill(reason);
  await form.getByLabel("Expected improvement").fill("0.15");
  await form.getByLabel("Validation period (days)").fill("7");
  await form.getByLabel("Rollback threshold").fill("-0.1");
  return form;
}

test("without a session, pages go to sign-in and the API answers 401; a wrong password is refused", async ({
  page,
}) => {
  expect((await page.request.get("/api/evolution")).status()).toBe(401);
  expect((await page.request.get("/api/health")).status()).toBe(200);
  await page.goto("/agents");
  await expect(page).toHaveURL(/\/login\?next=%2Fagents/);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Wrong password");
  const cookie = (await page.context().cookies()).find((c) => c.name === "agent_desk_session");
  expect(cookie).toBeUndefined();
});

test("sign in, record a swap, see it on the timeline, the agent page and in the config; roll it back and see the config restored", async ({
  page,
}) => {
  await signIn(page);
  const session = (await page.context().cookies()).find((c) => c.name === "agent_desk_session")!;
  expect([session.httpOnly, session.sameSite]).toEqual([true, "Strict"]);
  const agent = await agentMatchingConfig(page);
  const before = await swaps(page);
  const reason = `E2E: ${agent} on GPT-5`;

  await (await fillSwap(page, agent, reason)).getByRole("button", { name: "Record swap" }).dblclick();
  await expect(page.getByRole("status")).toContainText(`${agent}`);
  await expect(page.getByRole("status")).toContainText("The agent config now names the new model");
  const after = await swaps(page);
  expect(after.length).toBe(before.length + 1); // a double click records one swap
  const recorded = after.find((s) => s.reason === reason)!;
  expect([recorded.triggered_by, recorded.new_provider, recorded.new_model, recorded.status]).toEqual([
    "manual",
    "gpt",
    "gpt-5",
    "validating",
  ]);
  expect((await (await page.request.get("/api/agents/mapping")).json()).agents[agent]).toEqual({
    provider: "gpt",
    model: "gpt-5",
  });

  // The config: the agent's two values changed, every other line (comments included) byte for byte the same.
  const rewritten = fs.readFileSync(CONTROL_AGENT_CONFIG, "utf8").split("\n");
  const original = ORIGINAL.split("\n");
  expect(rewritten.length).toBe(original.length);
  const changed = original.flatMap((line, i) => (line === rewritten[i] ? [] : [rewritten[i]!.trim()]));
  expect(changed.map((l) => l.split("#")[0]!.trim())).toEqual(["provider: gpt", "model: gpt-5"]);
  expect(parse(rewritten.join("\n")).agents[agent]).toMatchObject({ provider: "gpt", model: "gpt-5" });

  const row = page.getByRole("row").filter({ hasText: reason });
  await expect(row).toContainText("gpt gpt-5");
  await page.goto(`/agents/${agent}`);
  await expect(page.getByText("gpt-5").first()).toBeVisible();
  await expect(page.getByRole("table", { name: `${agent}'s model swaps` })).toContainText("gpt-5");

  await page.goto(`/evolution?agent=${agent}`);
  await row.getByRole("button", { name: "Roll back" }).click();
  await expect(row).toContainText(`rewrite ${agent}'s provider (gpt →`);
  await row.getByRole("button", { name: "Confirm rollback" }).click();
  await expect(row).toContainText("rolled back"); // the page re-renders: the swap's status, and the rollback on top
  await expect(page.getByRole("row").filter({ hasText: `undoes #${recorded.id}` })).toContainText(
    `Rollback of swap #${recorded.id}`,
  );
  expect(fs.readFileSync(CONTROL_AGENT_CONFIG, "utf8")).toBe(ORIGINAL);
  const final = await swaps(page);
  expect(final.find((s) => s.id === recorded.id)!.status).toBe("rolled_back");
  expect(final.filter((s) => s.rollback_of === recorded.id)).toHaveLength(1);
  await page.reload();
  await expect(
    page.getByRole("row").filter({ hasText: reason }).getByRole("button", { name: "Roll back" }),
  ).toHaveCount(0);
});

test("an empty reason and an invalid provider show errors beside their fields, keep what was typed, and write nothing", async ({
  page,
}) => {
  await signIn(page);
  const before = await swaps(page);
  const form = page.getByRole("form", { name: "Manual swap" });
  await form.getByLabel("Agent").selectOption("cio");
  await form.getByLabel("New model").fill("gpt-5");
  // A provider the select does not offer: what a hand-made request would send.
  await form
    .getByLabel("New provider")
    .evaluate((select: HTMLSelectElement) => select.add(new Option("openai", "openai")));
  await form.getByLabel("New provider").selectOption("openai");
  await form.getByRole("button", { name: "Record swap" }).click();
  await expect(form.getByLabel("Reason")).toHaveAccessibleDescription("Reason is required");
  await expect(form.getByLabel("New provider")).toHaveAccessibleDescription(
    /New provider must be one of claude, gpt, gemini, perplexity/,
  );
  await expect(form.getByLabel("New model")).toHaveValue("gpt-5");
  await expect(form.getByLabel("Agent")).toHaveValue("cio");
  expect((await swaps(page)).length).toBe(before.length);
  expect(fs.readFileSync(CONTROL_AGENT_CONFIG, "utf8")).toBe(ORIGINAL);
});

test("a swap sent from a foreign Origin, or after the session is gone, writes nothing", async ({ page, context }) => {
  await signIn(page);
  const before = await swaps(page);
  // The browser will not forge its Origin, so the request is sent on from outside it with a foreign or null one.
  const form = await fillSwap(page, "cio", "E2E: from a foreign origin");
  for (const origin of ["https://evil.example", "null"]) {
    await page.route("**/evolution", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      await route.fulfill({ response: await route.fetch({ headers: { ...route.request().headers(), origin } }) });
    });
    const answered = page.waitForResponse((r) => r.request().method() === "POST");
    await form.getByRole("button", { name: "Record swap" }).click();
    const response = await answered;
    expect(response.status() >= 400 || (await response.text()).includes("Refused"), origin).toBe(true);
    await page.unroute("**/evolution");
    await page.goto("/evolution");
    await fillSwap(page, "cio", "E2E: from a foreign origin");
  }
  expect((await swaps(page)).length).toBe(before.length);

  await context.clearCookies();
  await form.getByRole("button", { name: "Record swap" }).click();
  await expect(form.getByRole("alert")).toContainText("Sign in again");
  await signIn(page);
  expect((await swaps(page)).length).toBe(before.length);
  expect(fs.readFileSync(CONTROL_AGENT_CONFIG, "utf8")).toBe(ORIGINAL);
});

test("a swap sent with a tampered or an expired session cookie writes nothing", async ({ page, context }) => {
  await signIn(page);
  const before = await swaps(page);
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)!;
  const secret = fs.readFileSync(path.resolve("e2e", ".data", ".agent-desk-session-secret"), "utf8").trim();
  const tampered = `${cookie.value.slice(0, -1)}${cookie.value.endsWith("A") ? "B" : "A"}`;
  const expired = signSession(secret, Date.now() - (SESSION_HOURS + 1) * 3_600_000).token;
  for (const value of [tampered, expired]) {
    const form = await fillSwap(page, "cio", "E2E: with a bad session");
    await context.addCookies([{ ...cookie, value }]);
    await form.getByRole("button", { name: "Record swap" }).click();
    await expect(form.getByRole("alert")).toContainText("Sign in again");
    await signIn(page);
  }
  expect((await swaps(page)).length).toBe(before.length);
  expect(fs.readFileSync(CONTROL_AGENT_CONFIG, "utf8")).toBe(ORIGINAL);
});

test("review: every flagged agent has its reasons, a Swap model that opens the filled-in form, and Mark reviewed with a note", async ({
  page,
}) => {
  await signIn(page, "/review?min_trades=1&threshold=1000000000");
  const card = page
    .getByRole("region")
    .filter({ has: page.getByRole("button", { name: "Mark reviewed" }) })
    .first();
  const agent = (await card.getByRole("heading").first().textContent())!.trim();
  await expect(card).toContainText("Efficiency score");
  await expect(card).toContainText("not reviewed yet");
  await card.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(card.getByLabel("Review note")).toHaveAccessibleDescription(/Write a note/);
  await card.getByLabel("Review note").fill("E2E: looked at its losing trades; swapping to a stronger model");
  await card.getByRole("button", { name: "Mark reviewed" }).click();
  const reviewed = page.getByRole("region", { name: agent });
  await expect(reviewed).toContainText("by operator");
  await expect(reviewed).toContainText("Last note: E2E: looked at its losing trades");
  await reviewed.getByRole("link", { name: "Swap model" }).click();
  await expect(page).toHaveURL(new RegExp(`/evolution\\?swap=${agent}#swap-form`));
  await expect(page.getByRole("form", { name: "Manual swap" }).getByLabel("Agent")).toHaveValue(agent);
});

test("a section that fails to load says so in its place; the rest of the page stays", async ({ page }) => {
  await signIn(page);
  fs.writeFileSync(CONTROL_AGENT_CONFIG, "agents: [this is not the mapping\n");
  try {
    await page.goto("/");
    await expect(
      page.getByRole("alert").filter({ hasText: "The spend against the limits could not be loaded just now" }),
    ).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: /Reference: \w+/ })).toBeVisible();
    await expect(page.getByText(/AGENT_CONFIG_PATH|control-agents\.yaml/)).toHaveCount(0); // no message or path reaches the page
    await expect(page.getByRole("term").filter({ hasText: "LLM cost (USD)" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Latest model swaps" })).toBeVisible();
  } finally {
    fs.writeFileSync(CONTROL_AGENT_CONFIG, ORIGINAL);
  }
});
