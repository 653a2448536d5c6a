import type Database from "better-sqlite3";
import { wallClockToInstant, zoneOffsetMs } from "@/lib/event-time";
import { TRADE_AGENT_FROM, TRADE_AGENT_SQL, TRADE_TOTALS_SQL } from "./trade-facts";

const DAY_MS = 86_400_000;

export type TradeTotals = {
  trades: number;
  with_pnl: number;
  pnl: number;
  wins: number;
  losses: number;
  /** Trades with a known PnL and readable contributions, unreadable ones, and their contributions that are not numbers. */
  analysed: number;
  unreadable: number;
  non_numeric: number;
};
export type AgentTradeSums = {
  agent_name: string;
  trades: number;
  contribution: number;
  positive: number;
  negative: number;
  weighted_pnl: number;
  confidence_sum: number;
  confidence_count: number;
};

/**
 * The trades in [fromMs, toMs), exactly, from the aggregates of migrations/0006: every whole calendar day (in
 * `zone`) inside the period from the day tables, the partial days at its two edges from the per-trade rows.
 * Figures of the agent tables count only trades whose 7-day PnL is known and whose contributions could be read.
 */
export class TradeWindow {
  private readonly days: { keys: [string, string]; ranges: [number, number][] } | null;

  constructor(
    private readonly sqlite: Database.Database,
    zone: string,
    private readonly fromMs: number,
    private readonly toMs: number,
  ) {
    const wall = (instant: number) => instant + zoneOffsetMs(instant, zone);
    const startWall = Math.ceil(wall(fromMs) / DAY_MS) * DAY_MS;
    const endWall = Math.floor(wall(toMs) / DAY_MS) * DAY_MS;
    const key = (wallMs: number) => new Date(wallMs).toISOString().slice(0, 10);
    this.days =
      startWall < endWall
        ? {
            keys: [key(startWall), key(endWall)],
            ranges: [
              [fromMs, wallClockToInstant(startWall, zone)],
              [wallClockToInstant(endWall, zone), toMs],
            ],
          }
        : null;
  }

  totals(): TradeTotals {
    const sum: TradeTotals = { trades: 0, with_pnl: 0, pnl: 0, wins: 0, losses: 0, analysed: 0, unreadable: 0, non_numeric: 0 };
    const add = (row: TradeTotals | undefined) => {
      if (!row) return;
      for (const key of Object.keys(sum) as (keyof TradeTotals)[]) sum[key] += row[key] ?? 0;
    };
    if (this.days) {
      add(this.sqlite.prepare(`SELECT ${columnSums(Object.keys(sum))} FROM agent_desk_trade_days WHERE day >= ? AND day < ?`).get(...this.days.keys) as TradeTotals);
    }
    const edge = this.sqlite.prepare(`SELECT ${TRADE_TOTALS_SQL} FROM agent_desk_trades AS t WHERE t.event_ms >= ? AND t.event_ms < ? AND ${this.uncounted()}`);
    for (const [from, to] of this.edgeRanges()) add(edge.get(from, to, ...this.uncountedKeys()) as TradeTotals);
    return sum;
  }

  /** The totals per calendar day (in the zone) that has trades, oldest first. */
  daily(): (TradeTotals & { day: string })[] {
    const rows: (TradeTotals & { day: string })[] = [];
    if (this.days) {
      rows.push(...(this.sqlite.prepare("SELECT * FROM agent_desk_trade_days WHERE day >= ? AND day < ?").all(...this.days.keys) as (TradeTotals & { day: string })[]));
    }
    const edge = this.sqlite.prepare(`SELECT t.day AS day, ${TRADE_TOTALS_SQL} FROM agent_desk_trades AS t WHERE t.event_ms >= ? AND t.event_ms < ? AND ${this.uncounted()} GROUP BY t.day`);
    for (const [from, to] of this.edgeRanges()) rows.push(...(edge.all(from, to, ...this.uncountedKeys()) as (TradeTotals & { day: string })[]));
    const byDay = new Map<string, TradeTotals & { day: string }>();
    for (const row of rows) {
      const sum = byDay.get(row.day);
      if (!sum) byDay.set(row.day, { ...row });
      else for (const key of Object.keys(row) as (keyof TradeTotals)[]) if (key !== ("day" as string)) sum[key] += row[key];
    }
    return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
  }

  /** One agent's trades (with a known PnL and readable contributions) and contribution-weighted PnL per day. */
  agentDaily(agent: string): { day: string; trades: number; weighted_pnl: number }[] {
    type Row = { day: string; trades: number; weighted_pnl: number };
    const rows: Row[] = [];
    if (this.days) {
      rows.push(...(this.sqlite.prepare("SELECT day, trades, weighted_pnl FROM agent_desk_trade_agent_days WHERE day >= ? AND day < ? AND agent_name = ?").all(...this.days.keys, agent) as Row[]));
    }
    const edge = this.sqlite.prepare(
      `SELECT t.day AS day, count(*) AS trades, total(c.contribution * t.pnl_7_days) AS weighted_pnl FROM ${TRADE_AGENT_FROM}
         AND t.event_ms >= ? AND t.event_ms < ? AND ${this.uncounted()} AND c.agent_name = ? GROUP BY t.day`,
    );
    for (const [from, to] of this.edgeRanges()) rows.push(...(edge.all(from, to, ...this.uncountedKeys(), agent) as Row[]));
    const byDay = new Map<string, Row>();
    for (const row of rows) {
      const sum = byDay.get(row.day);
      if (!sum) byDay.set(row.day, { ...row });
      else {
        sum.trades += row.trades;
        sum.weighted_pnl += row.weighted_pnl;
      }
    }
    return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
  }

  /** Per-agent sums (of one agent, if given). */
  agents(agent?: string): AgentTradeSums[] {
    const sums = new Map<string, AgentTradeSums>();
    const add = (row: AgentTradeSums) => {
      const sum = sums.get(row.agent_name);
      if (!sum) return void sums.set(row.agent_name, { ...row });
      sum.trades += row.trades;
      sum.contribution += row.contribution;
      sum.positive += row.positive;
      sum.negative += row.negative;
      sum.weighted_pnl += row.weighted_pnl;
      sum.confidence_sum += row.confidence_sum;
      sum.confidence_count += row.confidence_count;
    };
    const ofAgent = "(@agent IS NULL OR agent_name = @agent)";
    if (this.days) {
      const [from, to] = this.days.keys;
      const rows = this.sqlite
        .prepare(
          `SELECT agent_name, sum(trades) AS trades, total(contribution) AS contribution, total(positive) AS positive, total(negative) AS negative,
                  total(weighted_pnl) AS weighted_pnl, total(confidence_sum) AS confidence_sum, sum(confidence_count) AS confidence_count
           FROM agent_desk_trade_agent_days WHERE day >= @from AND day < @to AND ${ofAgent} GROUP BY agent_name`,
        )
        .all({ from, to, agent: agent ?? null }) as AgentTradeSums[];
      rows.forEach(add);
    }
    const edge = this.sqlite.prepare(
      `SELECT ${TRADE_AGENT_SQL} FROM ${TRADE_AGENT_FROM} AND t.event_ms >= @from AND t.event_ms < @to AND ${this.uncounted("@first", "@end")}
         AND ${ofAgent.replaceAll("agent_name", "c.agent_name")} GROUP BY c.agent_name`,
    );
    const [first, end] = this.uncountedKeys();
    for (const [from, to] of this.edgeRanges()) (edge.all({ from, to, first, end, agent: agent ?? null }) as AgentTradeSums[]).forEach(add);
    return [...sums.values()];
  }

  /** The time ranges whose trades come from per-trade rows: the two partial days, or the whole period when it is short. */
  private edgeRanges(): [number, number][] {
    return (this.days?.ranges ?? [[this.fromMs, this.toMs]]).filter(([from, to]) => from < to);
  }

  /** Per-trade rows are added only when their day was not counted whole (a day key outside the whole days). */
  private uncounted(first = "?", end = "?"): string {
    return `NOT (t.day >= ${first} AND t.day < ${end})`;
  }

  private uncountedKeys(): [string, string] {
    return this.days?.keys ?? ["", ""];
  }
}

function columnSums(columns: string[]): string {
  return columns.map((c) => `total(${c}) AS ${c}`).join(", ");
}
