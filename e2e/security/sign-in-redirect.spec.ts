import { expect, test } from "@playwright/test";
import { startOwnServer, type OwnServer } from "./own-server";

// A link to the sign-in page whose `next` names another site, however it is spelt, must leave a real operator on
// Agent Desk after a real sign-in (a browser drops tabs and newlines from URLs and reads `\` as `/`).
const PASSWORD = "correct horse battery staple";
let server: OwnServer;
test.describe.configure({ mode: "serial", timeout: 90_000 });
test.beforeAll(async () => void (server = await startOwnServer("redirect", 3114, { DASHBOARD_PASSWORD: PASSWORD })));
test.afterAll(async () => server.stop());

const ATTACKS = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/.//evil.example",
  "https://evil.example/",
  "https:evil.example",
];

test("after sign-in, `next` never leads off the site", async ({ page }) => {
  await page.route(
    (url) => url.hostname.endsWith("evil.example"),
    (route) => route.fulfill({ body: "left the site" }),
  );
  for (const next of ATTACKS) {
    await page.context().clearCookies();
    await page.goto(`${server.url}/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(new URL(page.url()).host, JSON.stringify(next)).toBe(`127.0.0.1:${server.port}`);
    await expect(page.getByText("left the site")).toHaveCount(0);
  }
});

test("a path of the site is kept", async ({ page }) => {
  await page.goto(`${server.url}/agents?days=7`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${server.url}/agents?days=7`);
});
