import fs from "node:fs";
import type Database from "better-sqlite3";
import type pg from "pg";
import { fleetSystemNames } from "@/db/central/fleet-overview";
import { openDatabase } from "@/db/connection";
import { prepareReplica, ReplicaAhead, syncReplica } from "@/db/replica/replica-sync";
import { replicaAgentConfigFile, replicaFile } from "@/db/replica/replica-files";
import { writeOwnFileAtomically } from "@/lib/server/atomic-file";
import { migrateFile } from "@/migrations/migrate-file";
import { startCountingLoop, stopCountingLoop } from "./counting-loop";

// A central desk's one background writer of replicas: every second, each system of the central store gets its read
// replica brought up to date (db/replica/replica-sync.ts), and each replica its own background count, so the local
// desk's pages read a system's replica exactly as they read a trading file. The replicas are Agent Desk's own
// files, made again from the store whenever they are lost or the store went back (restored from a backup).

const PASS_MS = 1_000;
const TROUBLE_MS = 5_000;

type Options = { pool: pg.Pool; dir: string; zone: string; log?: (line: string) => void };
type Replica = { file: string; ino: number; sqlite: Database.Database; agentConfig: string | null };

/** How current a system's replica is: what its pages say about themselves (components/ui/system-badge.tsx). */
export type ReplicaStatus = {
  /** When a pass last brought the replica to the store's version (ms; null: not since the server started). */
  currentAt: number | null;
  /** Why the last pass failed, in the log's words (null: it did not). */
  problem: string | null;
};

export class ReplicaLoop {
  private readonly replicas = new Map<string, Replica>();
  private readonly statuses = new Map<string, ReplicaStatus>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private lastProblem: string | undefined;

  constructor(private readonly options: Options) {}

  start(): this {
    this.schedule(0);
    return this;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const replica of this.replicas.values()) {
      stopCountingLoop(replica.file);
      replica.sqlite.close();
    }
    this.replicas.clear();
  }

  /** How current the replica of `system` is, or undefined before its first pass. */
  status(system: string): ReplicaStatus | undefined {
    return this.statuses.get(system);
  }

  /**
   * One pass over every system; resolves when each replica holds what the store held when the pass began, or its
   * status says why not (one system's trouble, a full disk say, never holds back the others).
   */
  async pass(): Promise<void> {
    for (const system of await fleetSystemNames(this.options.pool)) {
      if (this.stopped) return;
      const began = Date.now();
      const status = this.statuses.get(system) ?? { currentAt: null, problem: null };
      this.statuses.set(system, status);
      try {
        await this.syncOne(system);
        status.currentAt = began;
        status.problem = null;
      } catch (error) {
        const problem = `the replica of ${system} could not be brought up to date: ${(error as Error).message}`;
        if (problem !== status.problem) this.log(problem);
        status.problem = problem;
      }
    }
  }

  private async syncOne(system: string) {
    // A replica removed (or replaced) behind the desk's back is made again from the store, its leftover -wal and
    // -shm removed first: a new file must not take an old file's log.
    const kept = this.replicas.get(system);
    if (kept && fs.statSync(kept.file, { throwIfNoEntry: false })?.ino !== kept.ino) {
      this.log(`the replica of ${system} is gone: making it again from the store`);
      this.forget(system, { remove: true });
    }
    const replica = this.replicas.get(system) ?? (await this.open(system));
    try {
      const agentConfig = await syncReplica(this.options.pool, system, replica.sqlite);
      if (agentConfig !== replica.agentConfig && agentConfig !== null)
        writeOwnFileAtomically(replicaAgentConfigFile(this.options.dir, system), agentConfig);
      replica.agentConfig = agentConfig;
    } catch (error) {
      if (!(error instanceof ReplicaAhead)) throw error;
      this.log(`${error.message}: making it again from the store`);
      this.forget(system, { remove: true });
      await this.syncOne(system);
    }
  }

  private async open(system: string): Promise<Replica> {
    const file = replicaFile(this.options.dir, system);
    await migrateFile(file, { count: false, log: () => {} });
    const sqlite = openDatabase(file);
    // The replica holds what the central store holds: values its file's CHECKs would refuse (an OpenTelemetry
    // provider the trading system does not know) are kept, as the store kept them.
    sqlite.pragma("ignore_check_constraints = ON");
    prepareReplica(sqlite, system);
    const replica = { file, ino: fs.statSync(file).ino, sqlite, agentConfig: null };
    this.replicas.set(system, replica);
    startCountingLoop({ file, zone: this.options.zone });
    return replica;
  }

  private forget(system: string, { remove }: { remove: boolean }) {
    const replica = this.replicas.get(system);
    if (!replica) return;
    stopCountingLoop(replica.file);
    replica.sqlite.close();
    this.replicas.delete(system);
    if (remove) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(replica.file + suffix, { force: true });
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.pass().then(
        () => {
          this.lastProblem = undefined;
          this.schedule(PASS_MS);
        },
        (error: Error) => {
          const problem = `the replicas could not be brought up to date: ${error.message}`;
          if (problem !== this.lastProblem) this.log(problem);
          this.lastProblem = problem;
          this.schedule(TROUBLE_MS);
        },
      );
    }, ms);
  }

  private log(line: string) {
    (this.options.log ?? ((l: string) => console.error(`Agent Desk: ${l}`)))(line);
  }
}

// One loop per server process, kept across hot reloads in development.
const global = globalThis as typeof globalThis & { agentDeskReplicas?: ReplicaLoop };

/** Starts the central desk's replica loop (instrumentation-node.ts, with DATABASE_URL); a second call returns it. */
export function startReplicaLoop(options: Options): ReplicaLoop {
  global.agentDeskReplicas ??= new ReplicaLoop(options).start();
  return global.agentDeskReplicas;
}

/** How current the running loop keeps `system`'s replica; undefined where none runs (tests, a desk over one file). */
export function replicaStatus(system: string): ReplicaStatus | undefined {
  return global.agentDeskReplicas?.status(system);
}
