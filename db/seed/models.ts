export type ModelProfile = {
  /** The name as the agent config writes it (`opus-4.1`). */
  alias: string;
  /** The name the provider's API reports (`claude-opus-4-1-20250805`); some writers log this one. */
  apiId: string;
  /** USD per 1M tokens, as the trading system's Python clients price them. */
  inputPrice: number;
  outputPrice: number;
  /** Typical response time; calls spread around it with a long tail. */
  medianLatencyMs: number;
};

export const CATALOG: ModelProfile[] = [
  { alias: "opus-4.1", apiId: "claude-opus-4-1-20250805", inputPrice: 20, outputPrice: 80, medianLatencyMs: 14_000 },
  { alias: "sonnet-4", apiId: "claude-sonnet-4-20250514", inputPrice: 4, outputPrice: 20, medianLatencyMs: 7_000 },
  { alias: "gpt-5", apiId: "gpt-5-2025-08-07", inputPrice: 10, outputPrice: 30, medianLatencyMs: 9_000 },
  { alias: "gpt-5-mini", apiId: "gpt-5-mini-2025-08-07", inputPrice: 1, outputPrice: 3, medianLatencyMs: 3_500 },
  { alias: "gpt-5-nano", apiId: "gpt-5-nano-2025-08-07", inputPrice: 0.2, outputPrice: 0.8, medianLatencyMs: 1_000 },
  { alias: "gpt-4o", apiId: "gpt-4o-2024-08-06", inputPrice: 5, outputPrice: 15, medianLatencyMs: 3_000 },
  { alias: "flash-2.5", apiId: "models/gemini-2.5-flash", inputPrice: 0.075, outputPrice: 0.3, medianLatencyMs: 2_000 },
  {
    alias: "flash-lite",
    apiId: "models/gemini-2.5-flash-lite",
    inputPrice: 0.05,
    outputPrice: 0.2,
    medianLatencyMs: 900,
  },
  { alias: "gemini-2.5-pro", apiId: "models/gemini-2.5-pro", inputPrice: 1.25, outputPrice: 5, medianLatencyMs: 9_000 },
  { alias: "sonar-pro", apiId: "sonar-pro", inputPrice: 1, outputPrice: 1, medianLatencyMs: 5_200 },
  { alias: "sonar", apiId: "sonar", inputPrice: 0.5, outputPrice: 0.5, medianLatencyMs: 3_500 },
];

const BY_NAME = new Map(
  CATALOG.flatMap((profile) => [[profile.alias, profile] as const, [profile.apiId, profile] as const]),
);

/** The profile of a model named in the agent config; a name this table lacks gets middling figures. */
export function modelProfile(name: string): ModelProfile {
  return BY_NAME.get(name) ?? { alias: name, apiId: name, inputPrice: 1, outputPrice: 3, medianLatencyMs: 4_000 };
}

export function costUsd(profile: ModelProfile, inputTokens: number, outputTokens: number): number {
  return (inputTokens * profile.inputPrice + outputTokens * profile.outputPrice) / 1_000_000;
}
