import fs from "node:fs";
import path from "node:path";
import {
  AgentConfigEditError,
  UnsafeAgentConfigEdit,
  withAgentModel,
  type AgentModel,
} from "@/lib/server/agent-config-edit";
import { replaceFileAtomically } from "@/lib/server/atomic-file";
import type { Config } from "@/lib/server/config";
import { journalConfigChange } from "./config-journal";

/**
 * A change to the trading system's agent config: ready to write (journalled first, see config-journal.ts), left
 * alone with a note while the swap is still recorded, or refused, the note saying why, because writing it would
 * change more than the agent (then nothing is recorded).
 */
export type ConfigChange =
  | { note: null; apply(swap: { evolutionId: number; timestamp: string }): void; done(): void }
  | { note: string }
  | { note: string; refused: true };

/**
 * Prepares putting `agent` on `target` in the trading system's config. Nothing is written here. A file that cannot
 * be changed (no AGENT_CONFIG_PATH, missing, read-only, no entry for the agent) is left alone with a note; a change
 * that would reach another agent or leave the file unreadable to the trading system is refused. A symlink is
 * followed: the file it names is the one changed.
 */
export function planConfigChange(
  config: Pick<Config, "agentConfigPath" | "agentConfigIsTradingSystems">,
  agent: string,
  target: AgentModel,
): ConfigChange {
  if (!config.agentConfigIsTradingSystems) {
    return {
      note: "AGENT_CONFIG_PATH is not set, so no trading-system config was changed: the trading system keeps its model until its config is edited",
    };
  }
  const name = path.basename(config.agentConfigPath);
  const byHand = (why: string) => ({
    note: `the agent config ${name} ${why}, so it was not changed: edit ${agent}'s provider and model there by hand`,
  });
  let file: string;
  let text: string;
  try {
    file = fs.realpathSync(config.agentConfigPath);
    text = fs.readFileSync(file, "utf8");
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return byHand(
      code === "ENOENT"
        ? "does not exist"
        : code === "EACCES" || code === "EPERM" || code === "EROFS"
          ? "is read-only"
          : `cannot be used (${code})`,
    );
  }
  // Mode bits too: as root access(2) allows every write, yet a file marked read-only is someone's intent.
  if ((fs.statSync(file).mode & 0o222) === 0) return byHand("is read-only");
  let changed: string;
  try {
    changed = withAgentModel(text, agent, target);
  } catch (error) {
    if (error instanceof UnsafeAgentConfigEdit)
      return { note: `the agent config ${name} ${error.message}; edit it by hand`, refused: true };
    if (error instanceof AgentConfigEditError) return byHand(error.message);
    throw error;
  }
  let journal: string | null = null;
  return {
    note: null,
    apply: (swap) => {
      journal = journalConfigChange(file, { ...swap, agent, before: text, after: changed });
      replaceFileAtomically(file, changed);
    },
    done: () => {
      try {
        if (journal) fs.rmSync(journal, { force: true });
      } catch {
        // The swap is committed; the next settling of journals removes this one.
      }
    },
  };
}
