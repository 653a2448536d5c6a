import fs from "node:fs";
import path from "node:path";
import { AgentConfigEditError, withAgentModel, type AgentModel } from "@/lib/agent-config-edit";
import { replaceFileAtomically } from "@/lib/atomic-file";
import type { Config } from "@/lib/config";

/** A change to the trading system's agent config, ready to apply (and undo), or why the file is left alone. */
export type ConfigChange = { apply(): void; undo(): void; note: null } | { note: string };

/**
 * Prepares putting `agent` on `target` in the trading system's config. Nothing is written here. A file that cannot
 * be changed (no AGENT_CONFIG_PATH, missing, read-only, no entry for the agent) gives a note instead: the swap is
 * still recorded and the page says the config was not changed.
 */
export function planConfigChange(config: Pick<Config, "agentConfigPath" | "agentConfigIsTradingSystems">, agent: string, target: AgentModel): ConfigChange {
  const file = config.agentConfigPath;
  if (!config.agentConfigIsTradingSystems) {
    return { note: "AGENT_CONFIG_PATH is not set, so no trading-system config was changed: the trading system keeps its model until its config is edited" };
  }
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "does not exist" : code === "EACCES" || code === "EPERM" || code === "EROFS" ? "is read-only" : `cannot be used (${code})`;
    return { note: `the agent config ${path.basename(file)} ${why}, so it was not changed: edit ${agent}'s provider and model there by hand` };
  }
  let changed: string;
  try {
    changed = withAgentModel(text, agent, target);
  } catch (error) {
    if (!(error instanceof AgentConfigEditError)) throw error;
    return { note: `the agent config ${path.basename(file)} ${error.message}, so it was not changed` };
  }
  return {
    note: null,
    apply: () => replaceFileAtomically(file, changed),
    undo: () => replaceFileAtomically(file, text),
  };
}
