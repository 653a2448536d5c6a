import { expect, test } from "@playwright/test";
import { actionFields, multipart, rawRequest, startOwnServer, type OwnServer } from "./own-server";

// DNS rebinding: a web page on evil.example whose name the attacker points at 127.0.0.1 is same-origin with itself,
// so its requests carry `Host: evil.example:<port>` and a matching Origin. Local mode (no password, every request
// the operator) must answer none of them, not even health; only this machine's own names and ALLOWED_HOSTS.
let server: OwnServer;
test.describe.configure({ mode: "serial", timeout: 60_000 });
test.beforeAll(async () => void (server = await startOwnServer("hosts", 3112, { ALLOWED_HOSTS: "desk.internal" })));
test.afterAll(async () => server.stop());

const evil = () => ({ host: `evil.example:${server.port}`, origin: `http://evil.example:${server.port}` });

test("a rebound name reads no page and no API", async () => {
  for (const path of ["/", "/system", "/api/evolution", "/api/llm/usage", "/api/health", "/trades/export"]) {
    const response = await rawRequest(`${server.url}${path}`, { headers: evil() });
    expect(response.status, path).toBe(421);
    expect(response.body, path).not.toContain("{");
  }
});

test("a rebound name cannot record a swap, though it posts the real form with a matching Origin", async () => {
  const swaps = async () => JSON.parse((await rawRequest(`${server.url}/api/evolution`)).body).length as number;
  const before = await swaps();
  const page = await rawRequest(`${server.url}/evolution`);
  const fields = actionFields(page.body, 'aria-label="Manual swap"');
  const form: [string, string][] = [
    ...fields,
    ["agent", "cio"],
    ["new_provider", "gpt"],
    ["new_model", "gpt-5"],
    ["reason", "rebinding attack"],
    ["expected_improvement", "0.1"],
    ["validation_period_days", "7"],
    ["rollback_threshold", "-0.1"],
  ];
  const { body, contentType } = multipart(form);
  const attack = await rawRequest(`${server.url}/evolution`, {
    method: "POST",
    body,
    headers: { ...evil(), "content-type": contentType },
  });
  expect(attack.status).toBe(421);
  expect(await swaps()).toBe(before);
  // The same post addressed to the machine's own name goes through: the form and the test are real.
  const own = await rawRequest(`${server.url}/evolution`, {
    method: "POST",
    body,
    headers: { origin: server.url, "content-type": contentType },
  });
  expect(own.status).toBe(200);
  expect(await swaps()).toBe(before + 1);
});

test("this machine's names and ALLOWED_HOSTS are answered", async () => {
  for (const host of [
    `127.0.0.1:${server.port}`,
    `localhost:${server.port}`,
    `[::1]:${server.port}`,
    `desk.internal:${server.port}`,
  ]) {
    expect((await rawRequest(`${server.url}/api/health`, { headers: { host } })).status, host).toBe(200);
  }
});
