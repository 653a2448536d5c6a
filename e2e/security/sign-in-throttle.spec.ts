import { expect, test } from "@playwright/test";
import { postSignIn, signInOutcome, startOwnServer, type OwnServer } from "./own-server";

// Password guessing against the sign-in form, as a script would do it: many at once, with a rotated or a forged
// X-Forwarded-For, from many addresses. Each loopback address (127.0.0.x) is a different client to the server.
const PASSWORD = "correct horse battery staple";
const guesses = (n: number, options: (i: number) => Parameters<typeof postSignIn>[2]) =>
  Promise.all(
    Array.from({ length: n }, (_, i) => postSignIn(server, `wrong guess ${i}`, options(i)).then(signInOutcome)),
  );

let server: OwnServer;
test.describe.configure({ mode: "serial", timeout: 60_000 });
test.beforeAll(async () => void (server = await startOwnServer("throttle", 3110, { DASHBOARD_PASSWORD: PASSWORD })));
test.afterAll(async () => server.stop());

// In this order: the thirty failures of the three tests together reach the budget for everyone
// (sign-in-budget.spec.ts).
test("guesses that forge the operator's address do not lock the operator out", async () => {
  const outcomes = await guesses(10, () => ({ from: "127.0.0.14", headers: { "x-forwarded-for": "127.0.0.15" } }));
  expect(outcomes.every((o) => o === "wrong password")).toBe(true);
  expect(signInOutcome(await postSignIn(server, PASSWORD, { from: "127.0.0.15" }))).toBe("signed in");
});

test("50 guesses at once: at most 10 are checked, and the locked client cannot sign in even with the password", async () => {
  const outcomes = await guesses(50, () => ({ from: "127.0.0.11" }));
  expect(outcomes.filter((o) => o === "wrong password")).toHaveLength(10);
  expect(outcomes.filter((o) => o === "refused")).toHaveLength(40);
  expect(signInOutcome(await postSignIn(server, PASSWORD, { from: "127.0.0.11" }))).toBe("refused");
  expect(signInOutcome(await postSignIn(server, PASSWORD, { from: "127.0.0.12" }))).toBe("signed in"); // another client is not
});

test("a new X-Forwarded-For on every guess gains nothing: the socket's address is the client", async () => {
  const outcomes = await guesses(15, (i) => ({
    from: "127.0.0.13",
    headers: { "x-forwarded-for": `198.51.100.${i}` },
  }));
  expect(outcomes.filter((o) => o === "wrong password")).toHaveLength(10);
});
