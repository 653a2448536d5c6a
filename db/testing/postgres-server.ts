import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

// A real PostgreSQL server for tests and the benchmark: Debian's `postgresql` binaries, a fresh data directory in
// the temporary folder and a free loopback port, stopped and removed afterwards. PostgreSQL refuses to run as root,
// so as root (CI on these machines) every command runs as the `postgres` user the Debian package creates.

export type PostgresServer = {
  /** postgres://desk@127.0.0.1:PORT/DB, for the database the test asked for. */
  url: string;
  port: number;
  /** Stops the server (fast shutdown, as a service manager would) and starts it again on the same data. */
  restart(): Promise<void>;
  /** Kills the server at once (SIGKILL), as a power cut would, and starts it again: its WAL recovers the data. */
  crashAndRestart(): Promise<void>;
  stop(): Promise<void>;
};

export function postgresBinDir(): string {
  const given = process.env.PG_BIN;
  if (given) return given;
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, "bin", "postgres")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0)
    throw new Error("PostgreSQL is not installed: apt-get install postgresql (or set PG_BIN to its bin folder)");
  return path.join(root, versions[0]!, "bin");
}

const asRoot = () => process.getuid?.() === 0;

function command(bin: string, args: string[]): [string, string[]] {
  return asRoot() ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
}

function run(bin: string, args: string[]) {
  const [cmd, argv] = command(bin, args);
  const result = spawnSync(cmd, argv, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${path.basename(bin)} failed: ${result.stderr || result.stdout}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a server with one database, `database`, owned by the superuser `desk` (trust on loopback). */
export async function startPostgres({
  database = "agent_desk",
  durable = false,
}: { database?: string; durable?: boolean } = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agent-desk-pg-"));
  if (asRoot()) {
    const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
    const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
    fs.chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  run(path.join(bin, "initdb"), ["-D", data, "-U", "desk", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
  const port = await freePort();
  // Without `durable`, commits are not flushed to disk: a test's server loses nothing unless the machine does.
  const settings = durable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];
  let child: ChildProcess | undefined;
  const start = async () => {
    const [cmd, argv] = command(path.join(bin, "postgres"), [
      "-D",
      data,
      "-p",
      String(port),
      "-k",
      dir,
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      ...settings,
    ]);
    // After a kill, the old server's backends may hold its shared memory for a moment: a new one refuses to start
    // until they have noticed and exited, so it is started again until it stays up.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const log = fs.openSync(path.join(dir, "server.log"), "a");
      const started = spawn(cmd, argv, { stdio: ["ignore", log, log] });
      fs.closeSync(log);
      child = started;
      if (await waitForConnections(port, () => started.exitCode !== null)) return;
      if (Date.now() > deadline) {
        const text = fs.readFileSync(path.join(dir, "server.log"), "utf8");
        throw new Error(`PostgreSQL did not start on port ${port}:\n${text.slice(-2000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const stopChild = async (signal: NodeJS.Signals) => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    // runuser passes the signal on; SIGKILL would stop runuser only, so the postmaster is signalled by its pid file.
    const pid = Number(fs.readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(pid, signal);
    await exited;
  };
  await start();
  const admin = new pg.Client({ host: "127.0.0.1", port, user: "desk", database: "postgres" });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  return {
    url: `postgres://desk@127.0.0.1:${port}/${database}`,
    port,
    async restart() {
      await stopChild("SIGINT");
      await start();
    },
    async crashAndRestart() {
      await stopChild("SIGKILL");
      await start();
    },
    async stop() {
      await stopChild("SIGINT");
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** True once the server takes connections, false when it exited first (or took more than 30 s). */
async function waitForConnections(port: number, exited: () => boolean): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !exited()) {
    const client = new pg.Client({ host: "127.0.0.1", port, user: "desk", database: "postgres" });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      await client.end().catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return false;
}
