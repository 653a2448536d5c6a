import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { postSignIn, rawRequest, sessionCookie, startOwnServer, type OwnServer } from "./own-server";

// The README's nginx block, run as written (name, certificate and ports swapped in) in front of a desk on loopback
// with TRUSTED_PROXY: sign-in over TLS gets a Secure cookie, and the client the desk sees is the proxy's client.
const PASSWORD = "correct horse battery staple";
const TLS_PORT = 3443;
let server: OwnServer;
let nginx: ChildProcess;

test.describe.configure({ mode: "serial", timeout: 60_000 });

test.beforeAll(async () => {
  server = await startOwnServer("tls", 3118, {
    DASHBOARD_PASSWORD: PASSWORD,
    HOST: "127.0.0.1",
    TRUSTED_PROXY: "127.0.0.1",
  });
  const dir = server.folder;
  const made = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-keyout",
      path.join(dir, "key.pem"),
      "-out",
      path.join(dir, "cert.pem"),
    ],
    { encoding: "utf8" },
  );
  expect(made.status, made.stderr).toBe(0);
  const readme = fs.readFileSync("README.md", "utf8");
  const block = /```nginx\n([\s\S]*?)```/
    .exec(readme)![1]!
    .replace("listen 443 ssl;", `listen 127.0.0.1:${TLS_PORT} ssl;`)
    .replace("/etc/ssl/desk/fullchain.pem", path.join(dir, "cert.pem"))
    .replace("/etc/ssl/desk/privkey.pem", path.join(dir, "key.pem"))
    .replace("http://127.0.0.1:3000", `http://127.0.0.1:${server.port}`);
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    `pid ${path.join(dir, "nginx.pid")};\nerror_log ${path.join(dir, "error.log")};\nevents {}\nhttp {\n access_log off;\n ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join("\n ")}\n${block}\n}\n`,
  );
  nginx = spawn("/usr/sbin/nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], {
    stdio: "inherit",
  });
  await expect
    .poll(
      () =>
        rawRequest(`https://127.0.0.1:${TLS_PORT}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 15_000 },
    )
    .toBe(200);
});

test.afterAll(async () => {
  nginx?.kill("SIGTERM");
  await server?.stop();
});

const proxied = { url: `https://127.0.0.1:${TLS_PORT}` };

test("signing in through the proxy sets a Secure cookie; directly over HTTP it is not Secure", async ({ browser }) => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(`${proxied.url}/evolution`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${proxied.url}/evolution`);
  const cookie = (await context.cookies()).find((c) => c.name === "agent_desk_session")!;
  expect([cookie.secure, cookie.httpOnly, cookie.sameSite]).toEqual([true, true, "Strict"]);
  await context.close();
  const direct = await postSignIn(server, PASSWORD);
  expect(String(direct.headers["set-cookie"])).not.toMatch(/;\s*Secure/i);
});

test("the desk sees the proxy's client, not the proxy, and not what the client wrote", async () => {
  const cookie = sessionCookie(
    await postSignIn(proxied, PASSWORD, {
      from: "127.0.0.31",
      headers: { "x-forwarded-for": "203.0.113.66", "user-agent": "through nginx" },
    }),
  );
  const system = await rawRequest(`${proxied.url}/system`, { headers: { cookie } });
  expect(system.status).toBe(200);
  expect(system.body).toContain("through nginx");
  expect(system.body).toContain("127.0.0.31");
  expect(system.body).not.toContain("203.0.113.66");
});
