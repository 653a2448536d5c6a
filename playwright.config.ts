import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/steps/chromium";

// Production servers over fresh files: the demo dataset, an empty database with the full schema, and the demo
// behind a password with a writable agent config, where e2e/control/ signs in and changes models. e2e/security/
// starts servers of its own (ports 3110-3119, 3443), since its attacks lock clients out and change passwords;
// e2e/fleet/ starts a PostgreSQL server and a central desk of its own (3120-3129).
const SERVERS = { demo: 3100, empty: 3101, control: 3102 } as const;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: "chromium",
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    ...Object.entries(SERVERS).map(([name, port]) => ({
      name,
      use: { baseURL: `http://127.0.0.1:${port}` },
      ...(name === "control" ? { testMatch: /control\/.*\.spec\.ts/ } : { testIgnore: /(control|security|fleet)\// }),
    })),
    { name: "security", testMatch: /security\/.*\.spec\.ts/ },
    // A central desk over PostgreSQL with shippers beside Python-written files (port 3120, a server of its own).
    { name: "fleet", testMatch: /fleet\/.*\.spec\.ts/ },
  ],
  webServer: Object.entries(SERVERS).map(([name, port]) => ({
    command: `node --import tsx e2e/serve.ts ${name} ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  })),
});
