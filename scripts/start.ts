import { readConfig } from "@/lib/server/config";
import { isLoopbackAddress } from "@/lib/server/network-settings";
import { runCli } from "./cli";
import { buildIfNeeded } from "./steps/build";
import { prepareCentral } from "./steps/prepare-central";
import { prepareFile } from "./steps/prepare-file";
import { serve } from "./steps/serve";

runCli(async () => {
  const config = readConfig(); // first, so a bad value stops start-up before anything is written
  await prepareFile(config); // before the build: a short session secret stops start-up at once
  await prepareCentral(config);
  buildIfNeeded();
  const mode = config.dashboardPassword
    ? config.publicDashboard
      ? "operators sign in; pages open read-only"
      : "operators sign in"
    : "local single-user mode";
  console.log(`Agent Desk on http://${config.host}:${config.port} (${mode}) over ${config.databasePath}`);
  if (!isLoopbackAddress(config.host)) {
    console.warn(
      `warning: plain HTTP on ${config.host}: the password and the session cookie cross the network in clear. Put a TLS reverse proxy in front ` +
        `and set HOST=127.0.0.1 TRUSTED_PROXY=127.0.0.1, or set HOST to an interface only trusted machines reach (README: "Signing in on a network")`,
    );
  }
  serve(config);
});
