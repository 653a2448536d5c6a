/** What one LLM call of an agent looks like: its request_type and the usual size of prompt and answer. */
export type CallProfile = {
  requestType: string;
  inputTokens: readonly [number, number];
  outputTokens: readonly [number, number];
};

const PROFILES: Record<string, CallProfile> = {
  portfolio_rebalancer: { requestType: "portfolio_diagnosis", inputTokens: [1200, 2600], outputTokens: [250, 900] },
  sector_researcher: { requestType: "market_research", inputTokens: [600, 1400], outputTokens: [1200, 2800] },
  ticker_screener: { requestType: "screening", inputTokens: [1800, 4200], outputTokens: [400, 1400] },
  fundamental_fetcher: { requestType: "data_collection", inputTokens: [6000, 18000], outputTokens: [700, 1900] },
  valuation_analyst: { requestType: "valuation_analysis", inputTokens: [4500, 9500], outputTokens: [1400, 3600] },
  flow_analyst: { requestType: "flow_analysis", inputTokens: [3000, 6500], outputTokens: [900, 2600] },
  risk_analyst: { requestType: "risk_assessment", inputTokens: [3200, 6800], outputTokens: [900, 2600] },
  technical_analyst: { requestType: "technical_analysis", inputTokens: [3000, 7000], outputTokens: [1000, 2800] },
  cio: { requestType: "final_decision", inputTokens: [9000, 16000], outputTokens: [1400, 3600] },
  allocator: { requestType: "allocation", inputTokens: [1400, 3000], outputTokens: [250, 750] },
  trade_planner: { requestType: "order_planning", inputTokens: [1000, 2400], outputTokens: [300, 950] },
  performance_analyzer: {
    requestType: "performance_analysis",
    inputTokens: [14000, 32000],
    outputTokens: [1800, 4500],
  },
  failure_attribution: { requestType: "failure_attribution", inputTokens: [12000, 28000], outputTokens: [1500, 3800] },
  model_benchmarker: { requestType: "model_benchmark", inputTokens: [8000, 20000], outputTokens: [1200, 2800] },
  strategy_optimizer: { requestType: "strategy_optimization", inputTokens: [16000, 36000], outputTokens: [2000, 4000] },
};

const UNKNOWN_AGENT: CallProfile = { requestType: "analysis", inputTokens: [2000, 5000], outputTokens: [500, 1500] };

export function callProfile(agent: string): CallProfile {
  return PROFILES[agent] ?? UNKNOWN_AGENT;
}

/** The agents a trading run calls once per candidate ticker (the rest once per run). */
export const PER_TICKER_AGENTS: ReadonlySet<string> = new Set([
  "fundamental_fetcher",
  "valuation_analyst",
  "flow_analyst",
  "risk_analyst",
  "technical_analyst",
  "cio",
]);

/** The analysts the graph runs in parallel, whose reports the CIO weighs. */
export const ANALYSTS = ["valuation_analyst", "flow_analyst", "risk_analyst", "technical_analyst"] as const;
