export * from "./enums";
export * from "./schema-version";
export * from "./trades";
export * from "./agent-performance";
export * from "./llm-usage-log";
export * from "./model-evolution-history";
export * from "./system-metrics";
export * from "./agent-desk";
