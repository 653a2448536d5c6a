import { expect, test } from "@playwright/test";
import { postSignIn, signInOutcome, startOwnServer, type OwnServer } from "./own-server";

// A guesser with many addresses: each address alone stays under its own limit, all of them together do not.
const PASSWORD = "correct horse battery staple";
let server: OwnServer;
test.describe.configure({ mode: "serial", timeout: 60_000 });
test.beforeAll(async () => void (server = await startOwnServer("budget", 3111, { DASHBOARD_PASSWORD: PASSWORD })));
test.afterAll(async () => server.stop());

test("thirty failures from thirty addresses pause sign-in for every new address; a browser that signed in before still can", async () => {
  const before = await postSignIn(server, PASSWORD, { from: "127.0.2.9" });
  const device = [before.headers["set-cookie"] ?? []]
    .flat()
    .find((c) => c.startsWith("agent_desk_device="))!
    .split(";")[0]!;
  const outcomes = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      postSignIn(server, `wrong guess ${i}`, { from: `127.0.1.${i + 1}` }).then(signInOutcome),
    ),
  );
  expect(outcomes.filter((o) => o === "wrong password")).toHaveLength(30);
  const operator = await postSignIn(server, PASSWORD, { from: "127.0.2.1" });
  expect(signInOutcome(operator)).toBe("refused");
  expect(operator.body).toContain("Sign-in is paused after many failed attempts from many addresses");
  expect(signInOutcome(await postSignIn(server, PASSWORD, { from: "127.0.2.9", headers: { cookie: device } }))).toBe(
    "signed in",
  );
  expect(
    signInOutcome(
      await postSignIn(server, PASSWORD, {
        from: "127.0.2.9",
        headers: { cookie: "agent_desk_device=d1.forged.mark" },
      }),
    ),
  ).toBe("refused");
});
