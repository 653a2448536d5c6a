import "server-only";
import { database } from "@/db";
import { TRADE_AGENT_FROM } from "@/db/aggregates/trade-facts";
import type { RequestClock } from "@/lib/read-context";
import { assertTradesCounted } from "./counted-trades";
import { getEvolution } from "./evolution";

/** One observation of a swap's verdict: a trade of the agent with a known 7-day PnL, and its weighted outcome. */
export type SwapObservation = {
  rowid: number;
  tradeId: string | null;
  eventMs: number;
  ticker: string;
  action: string;
  contribution: number;
  pnl7Days: number;
  /** contribution × pnl_7_days: what the verdict averages */
  value: number;
};

/**
 * One swap, judged as the timeline judges it, with the trades each of its windows holds (oldest first), from the
 * trade aggregates and the trades they point at; null for an unknown id.
 */
export function getSwapDetail(clock: RequestClock, id: number) {
  const swap = getEvolution(clock).find((s) => s.id === id);
  if (!swap) return null;
  const { sqlite } = database(clock);
  assertTradesCounted(sqlite);
  const query = sqlite.prepare(
    `SELECT o.rowid, tr.trade_id AS tradeId, o.eventMs, tr.ticker, tr.action, o.contribution, o.pnl7Days,
            o.contribution * o.pnl7Days AS value
     FROM (SELECT t.trade_rowid AS rowid, t.event_ms AS eventMs, c.contribution, t.pnl_7_days AS pnl7Days
           FROM ${TRADE_AGENT_FROM} AND c.agent_name = ? AND t.event_ms >= ? AND t.event_ms < ?) AS o
     JOIN trades AS tr ON tr.rowid = o.rowid ORDER BY o.eventMs`,
  );
  const ranges = swap.validation.ranges;
  const trades = (range: [number, number] | undefined): SwapObservation[] =>
    range ? (query.all(swap.agentName, ...range) as SwapObservation[]) : [];
  return { swap, before: trades(ranges?.before), after: trades(ranges?.after) };
}

export type SwapDetail = NonNullable<ReturnType<typeof getSwapDetail>>;
