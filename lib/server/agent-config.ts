import fs from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { PROVIDERS } from "@/db/schema/enums";
import { ConfigError } from "../config-error";

const agentSchema = z.object({
  provider: z.enum(PROVIDERS),
  model: z.string().min(1),
  temperature: z.number().optional(),
  max_tokens: z.number().optional(),
  description: z.string().optional(),
});

const fileSchema = z.object({
  agents: z.record(z.string(), agentSchema),
  global_settings: z
    .object({
      cost_limit_daily: z.number().positive().optional(),
      cost_limit_weekly: z.number().positive().optional(),
      cost_alert_threshold: z.number().min(0).max(1).optional(),
      min_requests_for_evaluation: z.number().int().min(0).optional(),
    })
    .loose()
    .optional(),
  agent_descriptions: z
    .object({
      workflow_order: z.array(z.string()).optional(),
      reflection_workflow: z.array(z.string()).optional(),
    })
    .loose()
    .optional(),
});

export type AgentSettings = z.infer<typeof agentSchema>;

export type AgentConfig = {
  agents: Record<string, AgentSettings>;
  tradingWorkflow: string[];
  reflectionWorkflow: string[];
  costLimitDaily: number;
  costLimitWeekly: number;
  costAlertThreshold: number;
  minRequestsForEvaluation: number;
};

/** Reads the trading system's agent_llm_mapping.yaml; the error names `label` and what is wrong. */
export function loadAgentConfig(file: string, label = "AGENT_CONFIG_PATH"): AgentConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "does not exist" : code === "EISDIR" ? "is a directory" : "cannot be read";
    throw new ConfigError(`${label} '${file}' ${why}`);
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new ConfigError(`${label} '${file}' is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${label} '${file}': ${issue.path.join(".") || "file"}: ${issue.message}`);
  }
  const { agents, global_settings: settings = {}, agent_descriptions: workflows = {} } = parsed.data;
  const names = Object.keys(agents);
  const trading = workflows.workflow_order ?? names.filter((n) => !workflows.reflection_workflow?.includes(n));
  return {
    agents,
    tradingWorkflow: trading,
    reflectionWorkflow: workflows.reflection_workflow ?? names.filter((n) => !trading.includes(n)),
    costLimitDaily: settings.cost_limit_daily ?? 50,
    costLimitWeekly: settings.cost_limit_weekly ?? 300,
    costAlertThreshold: settings.cost_alert_threshold ?? 0.8,
    minRequestsForEvaluation: settings.min_requests_for_evaluation ?? 50,
  };
}
