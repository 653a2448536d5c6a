import fs from "node:fs";
import path from "node:path";
import { SYSTEM_NAME } from "@/lib/fleet/system-name";
import { migrateFile } from "@/migrations/migrate-file";
import { readArgs, runCli, UsageError } from "./cli";

// `npm run ship`: runs beside one trading system until stopped (Ctrl-C or SIGTERM finish the batch in flight).
// With --config the file is brought to Agent Desk's schema first, as `npm start` does, so a swap recorded on the
// central desk is applied here by the same command as a local one (README "More than one trading system").

const USAGE = "npm run ship -- --db PATH --to URL --system NAME --token TOKEN [--config YAML] [--sweep-seconds N (30)]";

runCli(async () => {
  const args = readArgs(
    {
      db: { type: "string" },
      to: { type: "string" },
      system: { type: "string" },
      token: { type: "string" },
      config: { type: "string" },
      // How often trades, performance, metrics and swaps are compared with what was sent (new calls go at once).
      "sweep-seconds": { type: "string", default: "30" },
    },
    USAGE,
  );
  const missing = (["db", "to", "system", "token"] as const).filter((name) => !args[name]);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(", ")}\nusage: ${USAGE}`);
  const file = path.resolve(args.db!);
  if (!fs.existsSync(file)) throw new UsageError(`--db ${file}: there is no file there`);
  if (!SYSTEM_NAME.test(args.system!))
    throw new UsageError(`--system '${args.system}' must be lowercase letters, digits, _ or - (as in INGEST_TOKENS)`);
  const sweepSeconds = Number(args["sweep-seconds"]);
  if (!(sweepSeconds >= 1 && sweepSeconds <= 3600))
    throw new UsageError(`--sweep-seconds '${args["sweep-seconds"]}' must be a number of seconds from 1 to 3600`);
  let to: URL;
  try {
    to = new URL(args.to!);
  } catch {
    throw new UsageError(`--to '${args.to}' is not a URL such as https://desk.example.com`);
  }
  if (to.protocol !== "https:" && to.protocol !== "http:") throw new UsageError("--to must start with https://");
  if (to.protocol === "http:" && !["127.0.0.1", "localhost", "[::1]"].includes(to.hostname))
    console.warn(
      `warning: --to is plain http: the token crosses the network in clear; put TLS in front of the central desk`,
    );

  // The local commands read their file and config from the environment, as the desk's server does. Only a shipper
  // that applies swaps (--config) brings the file to Agent Desk's schema (the swap log lives there); one without
  // never writes to the trading file at all.
  process.env.DATABASE_PATH = file;
  if (args.config) {
    process.env.AGENT_CONFIG_PATH = path.resolve(args.config);
    await migrateFile(file, { count: false, log: (line) => console.log(`ship: ${line}`) });
  }

  const { centralClient, CentralRefused } = await import("@/db/ship/central-client");
  const { ShipperStopped, startShipper } = await import("@/db/ship/shipper");
  const { applySwapRequest, configForBatch } = await import("@/db/ship/apply-swap");
  const shipper = startShipper({
    file,
    client: centralClient({ to: to.toString(), system: args.system!, token: args.token! }),
    applySwap: args.config ? applySwapRequest : undefined,
    agentConfig: args.config ? () => configForBatch(process.env.AGENT_CONFIG_PATH!) : undefined,
    log: (line) => console.log(`ship ${args.system}: ${line}`),
    sweepMs: sweepSeconds * 1000,
  });
  if (!args.config) console.log(`ship ${args.system}: no --config, so swaps recorded centrally are not pulled`);
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      console.log(`ship ${args.system}: stopping`);
      void shipper.stop().then(() => process.exit(0));
    });
  await shipper.done.catch((error: unknown) => {
    // A wrong token or a batch the desk cannot read: retrying cannot help, the operator must act.
    if (error instanceof CentralRefused || error instanceof ShipperStopped) throw new UsageError(error.message);
    throw error;
  });
});
