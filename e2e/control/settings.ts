import path from "node:path";

/** The `control` server of playwright.config.ts: the demo behind this password, rewriting this copy of the config. */
export const CONTROL_PASSWORD = "correct horse battery staple";
export const CONTROL_AGENT_CONFIG = path.resolve("e2e", ".data", "control-agents.yaml");
export const BUNDLED_AGENT_CONFIG = path.resolve("config", "agent_llm_mapping.yaml");
