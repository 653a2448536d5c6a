import { spawnSync } from "node:child_process";
import { chromiumPath, hasChromium } from "./steps/chromium";

// The registry's browser download does not work on these machines; Debian's chromium does.
if (!hasChromium()) {
  const canInstall = process.getuid?.() === 0 && spawnSync("which", ["apt-get"]).status === 0 && !process.env.CHROMIUM_PATH;
  if (!canInstall) {
    console.error(`error: no Chromium at ${chromiumPath()}; install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH`);
    process.exit(1);
  }
  console.log("installing Debian's chromium for the end-to-end tests…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", "chromium", "fonts-noto-cjk"]]) {
    if (spawnSync("apt-get", args, { stdio: "inherit", env }).status !== 0) {
      console.error(`error: 'apt-get ${args.join(" ")}' failed; install chromium yourself or set CHROMIUM_PATH`);
      process.exit(1);
    }
  }
}
