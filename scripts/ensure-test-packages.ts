import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { postgresBinDir } from "@/db/testing/postgres-server";
import { chromiumPath, hasChromium } from "./steps/chromium";

// What the end-to-end tests drive besides the app, from Debian's packages: Chromium (the registry's browser download
// does not work on these machines), a Korean font for what it renders, and nginx, the TLS reverse proxy of the
// README's "Signing in on a network", which e2e/security/tls-proxy.spec.ts runs exactly as written there, and
// PostgreSQL, the central store of a fleet, which the fleet tests start in a temporary folder.
export const NGINX = "/usr/sbin/nginx";

const missing = [
  ...(hasChromium() ? [] : ["chromium", "fonts-noto-cjk"]),
  ...(fs.existsSync(NGINX) ? [] : ["nginx-light"]),
  ...(hasPostgres() ? [] : ["postgresql"]),
];
if (missing.length > 0) {
  const canInstall =
    process.getuid?.() === 0 &&
    spawnSync("which", ["apt-get"]).status === 0 &&
    !(missing.includes("chromium") && process.env.CHROMIUM_PATH);
  if (!canInstall) {
    console.error(
      `error: the tests need ${missing.join(", ")}; install them (sudo apt-get install -y ${missing.join(" ")})${missing.includes("chromium") ? " or set CHROMIUM_PATH" : ""}`,
    );
    process.exit(1);
  }
  console.log(`installing Debian's ${missing.join(", ")} for the tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", ...missing]]) {
    if (spawnSync("apt-get", args, { stdio: "inherit", env }).status !== 0) {
      console.error(`error: 'apt-get ${args.join(" ")}' failed; install ${missing.join(", ")} yourself`);
      process.exit(1);
    }
  }
  if (!hasChromium()) {
    console.error(`error: no Chromium at ${chromiumPath()} after installing`);
    process.exit(1);
  }
}

function hasPostgres(): boolean {
  try {
    postgresBinDir();
    return true;
  } catch {
    return false;
  }
}
