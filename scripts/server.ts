// The production server: Next.js behind a thin front that settles, from the socket, who is asking and over what
// (lib/server/forwarded-headers.ts), before any page, API route, proxy or server action sees the request. Started by
// `npm start` (scripts/steps/serve.ts) in a child process of its own.
import { randomBytes } from "node:crypto";
import http from "node:http";
import next from "next";
import { readConfig } from "@/lib/server/config";
import { settleForwardedHeaders } from "@/lib/server/forwarded-headers";
import { isLoopbackAddress } from "@/lib/server/network-settings";
import { sessionSecret } from "@/lib/server/session-secret";
import { runCli } from "./cli";

runCli(async () => {
  const config = readConfig();
  if (config.dashboardPassword) sessionSecret(config); // refuses an empty or short secret before serving anyone
  const frontToken = randomBytes(16).toString("hex");
  process.env.AGENT_DESK_FRONT = frontToken; // the app believes forwarding headers only beside this process's token

  const app = next({ dev: false, dir: process.cwd(), hostname: config.host, port: config.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  let warned = false;
  const server = http.createServer((request, response) => {
    // A proxy on this machine that nobody told us to believe: every client looks like it, and TLS goes unseen.
    if (
      !warned &&
      !config.trustedProxy &&
      isLoopbackAddress(request.socket.remoteAddress ?? "") &&
      (request.headers["x-forwarded-for"] || request.headers["x-forwarded-proto"])
    ) {
      warned = true;
      console.warn(
        "warning: a proxy on this machine forwards requests, but TRUSTED_PROXY is unset: its X-Forwarded-* headers are ignored, so every client counts as the proxy and cookies are not marked Secure; set TRUSTED_PROXY=127.0.0.1",
      );
    }
    settleForwardedHeaders(request.headers, request.socket, config.trustedProxy, frontToken);
    void handle(request, response);
  });
  server.listen(config.port, config.host, () => console.log(`ready on ${config.host}:${config.port}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
});
