import type Database from "better-sqlite3";
import type { TradeAction } from "@/db/schema/enums";
import { callProfile } from "./agent-calls";
import { Market, round, TICKERS, type Ticker } from "./market";
import type { ModelTimeline } from "./model-timeline";
import { costUsd, modelProfile } from "./models";
import { dayBeforeEnd, type Period, type SeedDay } from "./period";
import { Portfolio } from "./portfolio";
import { pythonJson, pythonJsonOrNull, type JsonValue } from "./python-json";
import type { Random } from "./random";
import type { Run } from "./schedule";
import type { TimestampFormatter } from "./timestamps";
import { DecisionMaker } from "./trade-decisions";
import { justification } from "./trade-text";

export type SeededTrade = {
  tradeId: string | null;
  wallUs: number;
  day: number;
  ticker: string;
  action: TradeAction;
  quantity: number;
  price: number;
  justification: string;
  marketSnapshot: string;
  portfolioBefore: string;
  /** KRW; null until the trade is a week (a month) old, as the trader fills them in later. */
  pnl7: number | null;
  pnl30: number | null;
  contributions: Record<string, number> | null;
  confidence: number | null;
  metadata: string | null;
  decisionSeconds: number;
};

const SECOND_US = 1_000_000;
const DAY_US = 86_400 * SECOND_US;
/** A trade that reached the file without an id, as one did in the real system. */
const TRADE_WITHOUT_ID_DAYS_BEFORE_END = 61;

/**
 * One to four trades a trading day (three or four on heavy days), each born of one of the day's trading runs; with
 * `target` (--trades, for benchmarks), that many spread evenly over the trading days, several per run.
 */
export function generateTrades(
  period: Period,
  runs: readonly Run[],
  timeline: ModelTimeline,
  random: Random,
  target?: number,
): SeededTrade[] {
  const desk = new TradingDesk(period, timeline, random);
  const withoutId = dayBeforeEnd(period, TRADE_WITHOUT_ID_DAYS_BEFORE_END)?.index ?? Infinity;
  const trades: SeededTrade[] = [];
  const byDay = tradingRunsByDay(runs);
  let dayNumber = 0;
  let idLost = false;
  for (const [day, dayRuns] of byDay) {
    const count =
      target !== undefined
        ? Math.floor(((dayNumber + 1) * target) / byDay.size) - Math.floor((dayNumber * target) / byDay.size)
        : dayRuns[0]!.heavyDay
          ? random.int(3, 4)
          : random.weighted([
              [1, 20],
              [2, 35],
              [3, 30],
              [4, 15],
            ] as const);
    dayNumber += 1;
    // The demo's draws interleave (a run, its time, its trade), kept so that its data stays as it was.
    const demoRuns =
      target === undefined
        ? random
            .shuffle([...dayRuns])
            .slice(0, count)
            .sort((a, b) => a.startUs - b.startUs)
        : [];
    const benchTimes =
      target === undefined
        ? []
        : Array.from(
            { length: count },
            (_, i) => dayRuns[i % dayRuns.length]!.startUs + Math.floor(random.between(150, 1500) * SECOND_US),
          ).sort((a, b) => a - b);
    // A day cut short at the current time may have fewer runs than the demo's draw of trades.
    for (let i = 0; i < (target === undefined ? demoRuns.length : count); i++) {
      const wallUs =
        target === undefined ? demoRuns[i]!.startUs + Math.floor(random.between(150, 320) * SECOND_US) : benchTimes[i]!;
      const trade = desk.trade(wallUs, day.index); // drawn even when it falls after the cutoff, so earlier days never change
      if (wallUs > period.cutoffUs) continue;
      const lostId: boolean = day.index >= withoutId && !idLost;
      idLost ||= lostId;
      trades.push({
        ...trade,
        tradeId: lostId ? null : `ORD-${day.date.replaceAll("-", "")}-${String(i + 1).padStart(3, "0")}`,
      });
    }
  }
  return trades;
}

function tradingRunsByDay(runs: readonly Run[]): Map<SeedDay, Run[]> {
  const byDay = new Map<SeedDay, Run[]>();
  for (const run of runs) {
    if (run.kind !== "trading") continue;
    const list = byDay.get(run.day);
    if (list) list.push(run);
    else byDay.set(run.day, [run]);
  }
  return byDay;
}

/** Turns the CIO's decisions into orders against the portfolio and the market of the day. */
class TradingDesk {
  private readonly market: Market;
  private readonly decisions: DecisionMaker;
  private readonly portfolio = new Portfolio();

  constructor(
    private readonly period: Period,
    private readonly timeline: ModelTimeline,
    private readonly random: Random,
  ) {
    this.market = new Market(period, random);
    this.decisions = new DecisionMaker(timeline, random);
  }

  trade(wallUs: number, day: number): Omit<SeededTrade, "tradeId"> {
    const { random, market, portfolio } = this;
    const decision = this.decisions.decide(wallUs);
    const held = portfolio.held();
    const budget = random.between(3e6, 12e6);
    let action: TradeAction = held.length > 0 && random.chance(0.4) ? "sell" : "buy";
    let ticker: Ticker = action === "sell" ? random.pick(held) : random.pick(TICKERS);
    let price = market.price(day, ticker);
    if (action === "buy" && portfolio.cash < price && held.length > 0) {
      action = "sell"; // out of cash: the rebalancer frees some
      ticker = random.pick(held);
      price = market.price(day, ticker);
    }
    const quantity = Math.max(
      1,
      action === "buy"
        ? Math.floor(Math.min(budget, portfolio.cash) / price)
        : Math.min(Math.ceil(portfolio.quantityOf(ticker.code) * random.between(0.3, 1)), Math.floor(budget / price)),
    );
    const portfolioBefore = portfolio.toJson();
    portfolio.apply(action, ticker.code, quantity, price);

    const notional = quantity * price;
    const monthReturn = decision.weekReturn * random.between(1, 2.2) + 0.03 * random.normal();
    const decisionSeconds = round(random.between(28, 75) * (random.chance(0.05) ? 2.2 : 1), 1);
    const cutoffUs = this.period.cutoffUs;
    return {
      wallUs,
      day,
      ticker: ticker.code,
      action,
      quantity,
      price,
      justification: justification(action, decision.leader, { ticker, price, random }),
      marketSnapshot: pythonJson(market.snapshot(day, ticker)),
      portfolioBefore,
      pnl7: wallUs + 7 * DAY_US <= cutoffUs ? Math.round(notional * decision.weekReturn) : null,
      pnl30: wallUs + 30 * DAY_US <= cutoffUs ? Math.round(notional * monthReturn) : null,
      contributions: random.chance(0.04) ? null : decision.contributions,
      confidence: random.chance(0.02) ? null : decision.confidence,
      metadata: pythonJsonOrNull(
        random.chance(0.02) ? {} : this.metadata(wallUs, Object.keys(decision.contributions), decisionSeconds),
      ),
      decisionSeconds,
    };
  }

  private metadata(wallUs: number, participants: string[], decisionSeconds: number): { [key: string]: JsonValue } {
    const random = this.random;
    const models = participants.map((agent) => this.timeline.modelAt(agent, wallUs).model);
    return {
      decision_time_seconds: decisionSeconds,
      models_used: [...new Set(models)].sort(),
      total_cost_usd: round(
        participants.reduce((sum, agent, i) => sum + expectedCallCost(agent, models[i]!), 0),
        4,
      ),
      debate_rounds: random.int(1, 3),
      risk_score: random.chance(0.03) ? NaN : round(random.between(0.15, 0.85), 2), // Python's json.dumps writes NaN
    };
  }
}

function expectedCallCost(agent: string, model: string): number {
  const { inputTokens, outputTokens } = callProfile(agent);
  return costUsd(modelProfile(model), (inputTokens[0] + inputTokens[1]) / 2, (outputTokens[0] + outputTokens[1]) / 2);
}

export function writeTrades(
  db: Database.Database,
  trades: readonly SeededTrade[],
  formatter: TimestampFormatter,
  random: Random,
): void {
  const insert = db.prepare(
    `INSERT INTO trades (trade_id, timestamp, ticker, action, quantity, price, justification_text, market_snapshot,
       portfolio_before, pnl_7_days, pnl_30_days, agent_contributions, decision_confidence, analysis_metadata, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const t of trades) {
    insert.run(
      t.tradeId,
      formatter.event(t.wallUs, random),
      t.ticker,
      t.action,
      t.quantity,
      t.price,
      t.justification,
      t.marketSnapshot,
      t.portfolioBefore,
      t.pnl7,
      t.pnl30,
      pythonJsonOrNull(t.contributions),
      t.confidence,
      t.metadata,
      formatter.sqliteUtc(t.wallUs),
    );
  }
}
