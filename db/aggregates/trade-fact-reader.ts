import type Database from "better-sqlite3";
import { getTableColumns } from "drizzle-orm";
import { agentDeskTradeAgentDays, agentDeskTradeDays } from "@/db/schema";
import { wallClockToInstant, zoneOffsetMs } from "@/lib/event-time";
import { TRADE_AGENT_FROM, TRADE_AGENT_SQL, TRADE_TOTALS_SQL } from "./trade-facts";

const DAY_MS = 86_400_000;

/**
 * The sums of a day, or of any window, over its trades (agent_desk_trade_days): `analysed` and `unreadable` are
 * the trades with a known PnL and readable contributions and those whose contributions cannot be read,
 * `nonNumeric` the analysed trades' contributions that are not numbers.
 */
export type TradeTotals = Omit<typeof agentDeskTradeDays.$inferSelect, "day">;
export type TradeDayTotals = typeof agentDeskTradeDays.$inferSelect;
/** One agent's sums over trades with a known PnL and readable contributions (agent_desk_trade_agent_days). */
export type AgentTradeSums = Omit<typeof agentDeskTradeAgentDays.$inferSelect, "day">;
export type AgentTradeDay = Pick<typeof agentDeskTradeAgentDays.$inferSelect, "day" | "trades" | "weightedPnl">;

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
    const sum: TradeTotals = {
      trades: 0,
      withPnl: 0,
      pnl: 0,
      wins: 0,
      losses: 0,
      analysed: 0,
      unreadable: 0,
      nonNumeric: 0,
    };
    const add = (row: TradeTotals | undefined) => {
      if (!row) return;
      for (const key of Object.keys(sum) as (keyof TradeTotals)[]) sum[key] += row[key] ?? 0;
    };
    if (this.days) {
      add(
        this.sqlite
          .prepare(`SELECT ${columnSums(DAY_SUMS)} FROM agent_desk_trade_days WHERE day >= ? AND day < ?`)
          .get(...this.days.keys) as TradeTotals,
      );
    }
    const edge = this.sqlite.prepare(
      `SELECT ${TRADE_TOTALS_SQL} FROM agent_desk_trades AS t WHERE t.event_ms >= ? AND t.event_ms < ? AND ${this.uncounted()}`,
    );
    for (const [from, to] of this.edgeRanges()) add(edge.get(from, to, ...this.uncountedKeys()) as TradeTotals);
    return sum;
  }

  /** The totals per calendar day (in the zone) that has trades, oldest first. */
  daily(): TradeDayTotals[] {
    const rows: TradeDayTotals[] = [];
    if (this.days) {
      const columns = columnsAs(["day", ...DAY_SUMS]);
      rows.push(
        ...(this.sqlite
          .prepare(`SELECT ${columns} FROM agent_desk_trade_days WHERE day >= ? AND day < ?`)
          .all(...this.days.keys) as TradeDayTotals[]),
      );
    }
    const edge = this.sqlite.prepare(
      `SELECT t.day AS day, ${TRADE_TOTALS_SQL} FROM agent_desk_trades AS t WHERE t.event_ms >= ? AND t.event_ms < ? AND ${this.uncounted()} GROUP BY t.day`,
    );
    for (const [from, to] of this.edgeRanges())
      rows.push(...(edge.all(from, to, ...this.uncountedKeys()) as TradeDayTotals[]));
    const byDay = new Map<string, TradeDayTotals>();
    for (const row of rows) {
      const sum = byDay.get(row.day);
      if (!sum) byDay.set(row.day, { ...row });
      else
        for (const key of Object.keys(row) as (keyof TradeTotals)[])
          if (key !== ("day" as string)) sum[key] += row[key];
    }
    return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
  }

  /** One agent's trades (with a known PnL and readable contributions) and contribution-weighted PnL per day. */
  agentDaily(agent: string): AgentTradeDay[] {
    const rows: AgentTradeDay[] = [];
    if (this.days) {
      rows.push(
        ...(this.sqlite
          .prepare(
            "SELECT day, trades, weighted_pnl AS weightedPnl FROM agent_desk_trade_agent_days WHERE day >= ? AND day < ? AND agent_name = ?",
          )
          .all(...this.days.keys, agent) as AgentTradeDay[]),
      );
    }
    const edge = this.sqlite.prepare(
      `SELECT t.day AS day, count(*) AS trades, total(c.contribution * t.pnl_7_days) AS weightedPnl FROM ${TRADE_AGENT_FROM}
         AND t.event_ms >= ? AND t.event_ms < ? AND ${this.uncounted()} AND c.agent_name = ? GROUP BY t.day`,
    );
    for (const [from, to] of this.edgeRanges())
      rows.push(...(edge.all(from, to, ...this.uncountedKeys(), agent) as AgentTradeDay[]));
    const byDay = new Map<string, AgentTradeDay>();
    for (const row of rows) {
      const sum = byDay.get(row.day);
      if (!sum) byDay.set(row.day, { ...row });
      else {
        sum.trades += row.trades;
        sum.weightedPnl += row.weightedPnl;
      }
    }
    return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
  }

  /** Per-agent sums (of one agent, if given). */
  agents(agent?: string): AgentTradeSums[] {
    const sums = new Map<string, AgentTradeSums>();
    const add = (row: AgentTradeSums) => {
      const sum = sums.get(row.agentName);
      if (!sum) return void sums.set(row.agentName, { ...row });
      sum.trades += row.trades;
      sum.contribution += row.contribution;
      sum.positive += row.positive;
      sum.negative += row.negative;
      sum.weightedPnl += row.weightedPnl;
      sum.confidenceSum += row.confidenceSum;
      sum.confidenceCount += row.confidenceCount;
    };
    const ofAgent = "(@agent IS NULL OR agent_name = @agent)";
    if (this.days) {
      const [from, to] = this.days.keys;
      const rows = this.sqlite
        .prepare(
          `SELECT agent_name AS agentName, sum(trades) AS trades, total(contribution) AS contribution, total(positive) AS positive, total(negative) AS negative,
                  total(weighted_pnl) AS weightedPnl, total(confidence_sum) AS confidenceSum, sum(confidence_count) AS confidenceCount
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
    for (const [from, to] of this.edgeRanges())
      (edge.all({ from, to, first, end, agent: agent ?? null }) as AgentTradeSums[]).forEach(add);
    return [...sums.values()];
  }

  /**
   * One agent's observations, one per trade with a known 7-day PnL and readable contributions: contribution ×
   * pnl_7_days (what a swap is judged on), as the sums its mean and spread are made of.
   */
  agentSample(agent: string): { n: number; sum: number; sumSquares: number } {
    return this.sqlite
      .prepare(
        `SELECT count(*) AS n, total(c.contribution * t.pnl_7_days) AS sum,
                total((c.contribution * t.pnl_7_days) * (c.contribution * t.pnl_7_days)) AS sumSquares
         FROM ${TRADE_AGENT_FROM} AND c.agent_name = ? AND t.event_ms >= ? AND t.event_ms < ?`,
      )
      .get(agent, this.fromMs, this.toMs) as { n: number; sum: number; sumSquares: number };
  }

  /**
   * The time ranges whose trades come from per-trade rows: the two partial days, or the whole period when it is short.
   */
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

const DAY_COLUMNS = getTableColumns(agentDeskTradeDays);
const DAY_SUMS = Object.keys(DAY_COLUMNS).filter((key): key is keyof TradeTotals => key !== "day");

/** Columns of agent_desk_trade_days by their camelCase keys. */
function columnsAs(keys: (keyof TradeDayTotals)[]): string {
  return keys.map((key) => `${DAY_COLUMNS[key].name} AS ${key}`).join(", ");
}

function columnSums(keys: (keyof TradeTotals)[]): string {
  return keys.map((key) => `total(${DAY_COLUMNS[key].name}) AS ${key}`).join(", ");
}
