import fs from "node:fs";
import path from "node:path";
import { SYSTEM_NAME } from "@/lib/fleet/system-name";

// Where a central desk keeps a system's read replica and the agent config its shipper last sent (FLEET_REPLICA_DIR).
// System names are checked against SYSTEM_NAME before they get here, so a name is always one plain file name.

export function replicaFile(dir: string, system: string): string {
  return path.join(dir, `${system}.db`);
}

export function replicaAgentConfigFile(dir: string, system: string): string {
  return path.join(dir, `${system}.agent_llm_mapping.yaml`);
}

/** The systems whose replica this desk keeps, by name (the switcher's list; no database read). */
export function replicaSystems(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith(".db"))
    .map((name) => name.slice(0, -3))
    .filter((name) => SYSTEM_NAME.test(name))
    .sort();
}
