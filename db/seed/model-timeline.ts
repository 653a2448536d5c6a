import type { Provider } from "@/db/schema/enums";
import type { AgentConfig } from "@/lib/server/agent-config";
import type { Swap } from "./story";

export type AgentModel = { provider: Provider; model: string };

/** Which model each agent runs at a moment: its config baseline, then its swaps in order. */
export class ModelTimeline {
  private readonly history = new Map<string, { fromUs: number; model: AgentModel }[]>();

  constructor(config: AgentConfig, swaps: readonly Swap[]) {
    for (const [agent, settings] of Object.entries(config.agents)) {
      this.history.set(agent, [{ fromUs: -Infinity, model: { provider: settings.provider, model: settings.model } }]);
    }
    for (const swap of [...swaps].sort((a, b) => a.wallUs - b.wallUs)) {
      this.history
        .get(swap.agent)
        ?.push({ fromUs: swap.wallUs, model: { provider: swap.newProvider, model: swap.newModel } });
    }
  }

  knows(agent: string): boolean {
    return this.history.has(agent);
  }

  modelAt(agent: string, wallUs: number): AgentModel {
    const steps = this.history.get(agent);
    if (!steps) throw new Error(`agent ${agent} is not in the agent config`);
    let current = steps[0]!.model;
    for (const step of steps) if (step.fromUs <= wallUs) current = step.model;
    return current;
  }
}
