// The production server: Next.js behind a thin front that settles, from the socket, who is asking and over what
// (lib/forwarded-headers.ts), before any page, API route, proxy or server action sees the request. Started by
// `npm start` (scripts/steps/serve.ts) in a child process of its own.
import { randomBytes } from "node:crypto";
import http from "node:http";
import next from "next";
import { readConfig } from "@/lib/config";
import { settleForwardedHeaders } from "@/lib/forwarded-headers";
import { sessionSecret } from "@/lib/session-secret";
import { runCli } from "./cli";

runCli(async () => {
  const config = readConfig();
  if (config.dashboardPassword) sessionSecret(config); // refuses an empty or short secret before serving anyone
  const frontToken = randomBytes(16).toString("hex");
  process.env.AGENT_DESK_FRONT = frontToken; // the app believes forwarding headers only beside this process's token

  const app = next({ dev: false, dir: process.cwd(), hostname: config.host, port: config.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((request, response) => {
    settleForwardedHeaders(request.headers, request.socket, config.trustedProxy, frontToken);
    void handle(request, response);
  });
  server.listen(config.port, config.host, () => console.log(`ready on ${config.host}:${config.port}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
});
