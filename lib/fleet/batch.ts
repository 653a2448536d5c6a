import { z } from "zod";

// One batch a shipper sends to the central desk (POST /api/ingest/batch): rows of a trading system's tables with
// their column names as the trading system writes them, each with its source id, plus the ids it no longer has. The
// shipper checks each row with these same schemas before sending, so a row the file holds but the central store
// could not keep (a cost written as text) is reported and left behind instead of blocking every later batch.

/** Source ids of calls from OTLP live above every SQLite id (2^52 and up), so both kinds can feed one system. */
export const OTLP_ID_BASE = 2 ** 52;

/** Rows per batch at most; a shipper sends fewer, and the central desk answers 413 past it. */
export const MAX_BATCH_ROWS = 10_000;

// PostgreSQL's text cannot hold a NUL character: such a row is left behind by the shipper, not sent.
const noNul = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !value.includes("\u0000"), "no NUL character");
const text = noNul(100_000);
const shortText = noNul(1_000);
const num = z.number().refine(Number.isFinite, "a finite number");
const optionalNum = num.nullable();
const whole = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const integer = z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const createdAt = shortText.nullable();

export const llmCallRow = z.strictObject({
  id: whole,
  timestamp: shortText,
  agent_name: shortText,
  provider: shortText,
  model: shortText,
  tokens_used: integer,
  cost_usd: num,
  response_time_ms: num,
  request_type: shortText,
  success: z.boolean(),
  error_message: text.nullable(),
  created_at: createdAt,
});

export const tradeRow = z.strictObject({
  /** trade_id, or `rowid:N` for a trade written without one (SQLite allows a NULL primary key there). */
  source_id: shortText.min(1),
  trade_id: shortText.nullable(),
  timestamp: shortText,
  ticker: shortText,
  action: shortText,
  quantity: integer,
  price: num,
  justification_text: text,
  market_snapshot: text,
  portfolio_before: text,
  pnl_7_days: optionalNum,
  pnl_30_days: optionalNum,
  agent_contributions: text.nullable(),
  decision_confidence: optionalNum,
  analysis_metadata: text.nullable(),
  created_at: createdAt,
});

export const agentPerformanceRow = z.strictObject({
  id: whole,
  agent_name: shortText,
  period_start: shortText,
  period_end: shortText,
  total_decisions: integer,
  successful_decisions: integer,
  avg_contribution_score: num,
  performance_rating: num,
  wins: integer,
  losses: integer,
  total_pnl_attributed: num,
  confidence_accuracy: num,
  created_at: createdAt,
});

export const systemMetricRow = z.strictObject({
  id: whole,
  date: shortText,
  total_trades: integer,
  win_rate: num,
  total_pnl: num,
  total_cost_usd: num,
  avg_decision_time_seconds: num,
  agent_efficiency_score: num,
  model_diversity_index: num,
  auto_improvements: integer,
  human_interventions: integer,
  created_at: createdAt,
});

export const modelSwapRow = z.strictObject({
  id: whole,
  timestamp: shortText,
  agent_name: shortText,
  old_provider: shortText,
  old_model: shortText,
  new_provider: shortText,
  new_model: shortText,
  reason: text,
  performance_improvement: num,
  triggered_by: shortText,
  validation_period_days: integer.nullable(),
  rollback_threshold: optionalNum,
  created_at: createdAt,
});

export const ROW_SCHEMAS = {
  llm_usage_log: llmCallRow,
  trades: tradeRow,
  agent_performance: agentPerformanceRow,
  system_metrics: systemMetricRow,
  model_evolution_history: modelSwapRow,
} as const;

export type SourceTable = keyof typeof ROW_SCHEMAS;
export const SOURCE_TABLES = Object.keys(ROW_SCHEMAS) as SourceTable[];
export type SourceRow<T extends SourceTable> = z.infer<(typeof ROW_SCHEMAS)[T]>;

const ids = z.array(whole);
export const batchSchema = z
  .strictObject({
    /** The system's last applied batch number + 1: anything else is refused (a replay, a second shipper) and writes nothing. */
    seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    rows: z
      .strictObject({
        llm_usage_log: z.array(llmCallRow).optional(),
        trades: z.array(tradeRow).optional(),
        agent_performance: z.array(agentPerformanceRow).optional(),
        system_metrics: z.array(systemMetricRow).optional(),
        model_evolution_history: z.array(modelSwapRow).optional(),
      })
      .default({}),
    deleted: z
      .strictObject({
        llm_usage_log: ids.optional(),
        trades: z.array(shortText).optional(),
        agent_performance: ids.optional(),
        system_metrics: ids.optional(),
        model_evolution_history: ids.optional(),
      })
      .default({}),
    source: z
      .strictObject({
        /** LLM calls in the file after this batch's newest: 0 when the shipper is caught up. */
        calls_behind: whole,
        /** The newest LLM call's time in the file, as written. */
        newest_call_at: shortText.nullable(),
        /** Rows the shipper left behind because they could not be sent (see above), since it started. */
        skipped_rows: whole,
        shipper: shortText,
        /** The spending limits of the system's agent config (global_settings), when the shipper reads it. */
        limits: z
          .strictObject({
            cost_limit_daily: num.positive(),
            cost_limit_weekly: num.positive(),
            cost_alert_threshold: num.min(0).max(1),
          })
          .optional(),
        /** The system's agent config (YAML) as the shipper read it, when it reads one: the models its pages show. */
        agent_config: noNul(256 * 1024).optional(),
      })
      .optional(),
  })
  .refine(
    (batch) => {
      const gone = new Set(batch.deleted.llm_usage_log ?? []);
      return !(batch.rows.llm_usage_log ?? []).some((row) => gone.has(row.id));
    },
    { message: "an LLM call is both sent and deleted", path: ["deleted", "llm_usage_log"] },
  );

export type Batch = z.infer<typeof batchSchema>;

export function batchRowCount(batch: Batch): number {
  let n = 0;
  for (const rows of Object.values(batch.rows)) n += rows?.length ?? 0;
  for (const gone of Object.values(batch.deleted)) n += gone?.length ?? 0;
  return n;
}

/** A zod problem as one line naming where it is: `rows.trades[3].price: a finite number`. */
export function describeProblem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
  return `${where || "the batch"}: ${issue.message}`;
}
