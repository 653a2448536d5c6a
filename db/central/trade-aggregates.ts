import type pg from "pg";
import { readContributions } from "@/db/aggregates/trade-facts";

// fleet_trade_days and fleet_trade_agent_days, moved by the trades a batch writes or deletes: each changed trade's
// stored version is taken out and its new version added, in JavaScript, because the contributions are Python JSON
// (NaN and all) that only the local desk's reader (readContributions) reads as the trading system's analysis does.

export type TradeFacts = {
  day: string;
  pnl_7_days: number | null;
  agent_contributions: string | null;
};

export type DaySums = { trades: number; with_pnl: number; pnl: number; wins: number; losses: number };
export type AgentSums = { trades: number; positive: number; negative: number };

/**
 * What one trade adds to its day's sums and to each contributing agent's, by the trading system's analysis
 * (get_agent_contribution_analysis): agents only for a trade with a 7-day PnL and readable contributions.
 */
export function tradeSums(
  pnl: number | null,
  contributions: string | null,
): { day: DaySums; agents: [string, AgentSums][] } {
  const day = { trades: 1, with_pnl: 0, pnl: 0, wins: 0, losses: 0 };
  if (pnl === null) return { day, agents: [] };
  Object.assign(day, { with_pnl: 1, pnl, wins: pnl > 0 ? 1 : 0, losses: pnl < 0 ? 1 : 0 });
  const read = readContributions(contributions);
  if (read.contributions !== 1) return { day, agents: [] };
  return {
    day,
    agents: read.values.map(([agent, c]) => [
      agent,
      { trades: 1, positive: pnl > 0 ? c * pnl : 0, negative: pnl > 0 ? 0 : c * Math.abs(pnl) },
    ]),
  };
}

export class TradeDeltas {
  private readonly days = new Map<string, DaySums>();
  private readonly agents = new Map<string, AgentSums>();

  /** Adds a trade (`sign` 1) or takes one out (-1). A trade whose time is no time ('?') is in no window. */
  move(trade: TradeFacts, sign: 1 | -1): void {
    if (trade.day === "?") return;
    const sums = tradeSums(trade.pnl_7_days, trade.agent_contributions);
    const day = this.days.get(trade.day) ?? { trades: 0, with_pnl: 0, pnl: 0, wins: 0, losses: 0 };
    for (const key of Object.keys(day) as (keyof DaySums)[]) day[key] += sign * sums.day[key];
    this.days.set(trade.day, day);
    for (const [agent, add] of sums.agents) {
      const key = `${trade.day}\0${agent}`;
      const agentSums = this.agents.get(key) ?? { trades: 0, positive: 0, negative: 0 };
      for (const field of Object.keys(agentSums) as (keyof AgentSums)[]) agentSums[field] += sign * add[field];
      this.agents.set(key, agentSums);
    }
  }

  async apply(client: pg.PoolClient, system: string): Promise<void> {
    if (this.days.size > 0) {
      await client.query(
        `INSERT INTO fleet_trade_days SELECT $1, r.* FROM jsonb_to_recordset($2::jsonb)
           AS r(day text, trades bigint, with_pnl bigint, pnl double precision, wins bigint, losses bigint)
         ON CONFLICT (system, day) DO UPDATE SET trades = fleet_trade_days.trades + excluded.trades,
           with_pnl = fleet_trade_days.with_pnl + excluded.with_pnl, pnl = fleet_trade_days.pnl + excluded.pnl,
           wins = fleet_trade_days.wins + excluded.wins, losses = fleet_trade_days.losses + excluded.losses`,
        [system, JSON.stringify([...this.days].map(([day, sums]) => ({ day, ...sums })))],
      );
      await client.query("DELETE FROM fleet_trade_days WHERE system = $1 AND day = ANY($2) AND trades = 0", [
        system,
        [...this.days.keys()],
      ]);
    }
    if (this.agents.size > 0) {
      const rows = [...this.agents].map(([key, sums]) => {
        const [day, agent_name] = key.split("\0");
        return { day, agent_name, ...sums };
      });
      await client.query(
        `INSERT INTO fleet_trade_agent_days SELECT $1, r.* FROM jsonb_to_recordset($2::jsonb)
           AS r(day text, agent_name text, trades bigint, positive double precision, negative double precision)
         ON CONFLICT (system, day, agent_name) DO UPDATE SET trades = fleet_trade_agent_days.trades + excluded.trades,
           positive = fleet_trade_agent_days.positive + excluded.positive,
           negative = fleet_trade_agent_days.negative + excluded.negative`,
        [system, JSON.stringify(rows)],
      );
      await client.query("DELETE FROM fleet_trade_agent_days WHERE system = $1 AND day = ANY($2) AND trades = 0", [
        system,
        [...new Set(rows.map((r) => r.day))],
      ]);
    }
  }
}
