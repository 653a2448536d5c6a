import { expect, test } from "@playwright/test";
import { postSignIn, rawRequest, sessionCookie, startOwnServer, type OwnServer } from "./own-server";

// PUBLIC_DASHBOARD=on opens the figures to anyone who can reach the server: not where the file lives on disk, and not
// whole exports that cost the server the full log in memory on every anonymous request.
const PASSWORD = "correct horse battery staple";
let server: OwnServer;
test.describe.configure({ mode: "serial", timeout: 60_000 });
test.beforeAll(
  async () =>
    void (server = await startOwnServer("public", 3117, { DASHBOARD_PASSWORD: PASSWORD, PUBLIC_DASHBOARD: "on" })),
);
test.afterAll(async () => server.stop());

test("an anonymous reader sees /system's figures but not the database's path; an operator sees it", async ({
  page,
}) => {
  await page.goto(`${server.url}/system`);
  await expect(page.getByRole("region", { name: "Database" })).toContainText("Journal mode");
  await expect(page.getByText(server.folder)).toHaveCount(0);
  expect((await rawRequest(`${server.url}/system`)).body).not.toContain(server.folder);
  const cookie = sessionCookie(await postSignIn(server, PASSWORD));
  expect((await rawRequest(`${server.url}/system`, { headers: { cookie } })).body).toContain(server.folder);
});

test("the CSV export is for operators: anonymous readers are sent to sign in; an operator's arrives as a stream", async () => {
  const anonymous = await rawRequest(`${server.url}/trades/export?days=365`);
  expect(anonymous.status).toBe(401);
  expect(anonymous.body).not.toContain("trade_id");
  const cookie = sessionCookie(await postSignIn(server, PASSWORD));
  const operator = await rawRequest(`${server.url}/trades/export?days=365`, { headers: { cookie } });
  expect(operator.status).toBe(200);
  expect(operator.headers["transfer-encoding"]).toBe("chunked");
  expect(operator.body.split("\r\n")[0]).toBe(
    "time,trade_id,ticker,action,quantity,price,pnl_7_days,decision_confidence",
  );
  expect(operator.body.trim().split("\r\n").length).toBeGreaterThan(100);
});
