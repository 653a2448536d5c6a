import { execFileSync, spawnSync } from "node:child_process";

// The trading system reads agent_llm_mapping.yaml with PyYAML; Debian's python3-yaml provides it to the tests.

/** Whether python3 here has PyYAML. */
export const HAS_PYYAML = spawnSync("python3", ["-c", "import yaml"]).status === 0;

const READ_AGENTS = `
import json, sys, yaml
out = []
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    out.append({name: [agent.get("provider"), agent.get("model")] for name, agent in doc["agents"].items()})
print(json.dumps(out, default=str))
`;

/**
 * Each file's agents as the trading system sees them (yaml.safe_load): name → [provider, model]. Throws what PyYAML
 * raised.
 */
export function agentsPyYamlReads(files: string[]): Record<string, [unknown, unknown]>[] {
  return JSON.parse(
    execFileSync("python3", ["-c", READ_AGENTS, ...files], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }),
  );
}
