import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { postSignIn, rawRequest, sessionCookie, signInOutcome, startOwnServer, type OwnServer } from "./own-server";

// A session must end when the operator says so: a cookie copied before sign-out, before an operator ended it on
// /system, or before DASHBOARD_PASSWORD changed, opens nothing afterwards.
const PASSWORD = "correct horse battery staple";
let server: OwnServer;
test.describe.configure({ mode: "serial", timeout: 90_000 });
test.beforeAll(async () => void (server = await startOwnServer("sessions", 3113, { DASHBOARD_PASSWORD: PASSWORD })));
test.afterAll(async () => server.stop());

const opens = async (cookie: string) =>
  (await rawRequest(`${server.url}/api/evolution`, { headers: { cookie } })).status === 200;

async function signIn(page: Page) {
  await page.goto(`${server.url}/system`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${server.url}/system`);
}

test("sign-out ends the session on the server: the copied cookie is refused", async ({ page, context }) => {
  await signIn(page);
  const cookie = `agent_desk_session=${(await context.cookies()).find((c) => c.name === "agent_desk_session")!.value}`;
  expect(await opens(cookie)).toBe(true);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await opens(cookie)).toBe(false);
  const replayed = await rawRequest(`${server.url}/system`, { headers: { cookie } });
  expect([replayed.status, replayed.headers.location]).toEqual([303, "/login?next=%2Fsystem"]);
});

test("/system lists the open sessions with their last use, and ends another one", async ({ page }) => {
  const other = sessionCookie(
    await postSignIn(server, PASSWORD, { from: "127.0.0.21", headers: { "user-agent": "phone on the desk" } }),
  );
  await signIn(page);
  const card = page.getByRole("region", { name: "Operator sessions" });
  const row = card.getByRole("row").filter({ hasText: "phone on the desk" });
  await expect(row).toContainText("127.0.0.21");
  await expect(card.getByRole("row").filter({ hasText: "(this one)" })).toHaveCount(1);
  await expect(card.getByRole("columnheader", { name: "Last use" })).toBeVisible();
  expect(await opens(other)).toBe(true);
  await row.getByRole("button", { name: /^End session/ }).click();
  await expect(row).toHaveCount(0);
  expect(await opens(other)).toBe(false);
});

test("a new DASHBOARD_PASSWORD ends every session; the new password opens a new one", async () => {
  const cookie = sessionCookie(await postSignIn(server, PASSWORD, { from: "127.0.0.22" }));
  expect(await opens(cookie)).toBe(true);
  await server.stop();
  server = await startOwnServer("sessions", 3113, { DASHBOARD_PASSWORD: "a brand new password" }, { fresh: false });
  expect(await opens(cookie)).toBe(false);
  expect(signInOutcome(await postSignIn(server, PASSWORD, { from: "127.0.0.22" }))).toBe("wrong password");
  expect(signInOutcome(await postSignIn(server, "a brand new password", { from: "127.0.0.22" }))).toBe("signed in");
  // The list beside the database holds no session of the old password any more, and none at all in clear of its secret.
  const list = fs.readFileSync(path.join(server.folder, ".trading.db.agent-desk-sessions.json"), "utf8");
  expect(JSON.parse(list).sessions).toHaveLength(1);
  expect(fs.statSync(path.join(server.folder, ".trading.db.agent-desk-sessions.json")).mode & 0o777).toBe(0o600);
});
