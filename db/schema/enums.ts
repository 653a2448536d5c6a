// Value sets fixed by the trading system's CHECK constraints; the schema and every validator use these arrays.
export const PROVIDERS = ["claude", "gpt", "gemini", "perplexity"] as const;
export type Provider = (typeof PROVIDERS)[number];

export const TRADE_ACTIONS = ["buy", "sell"] as const;
export type TradeAction = (typeof TRADE_ACTIONS)[number];

export const SWAP_TRIGGERS = ["automatic", "manual", "scheduled"] as const;
export type SwapTrigger = (typeof SWAP_TRIGGERS)[number];
