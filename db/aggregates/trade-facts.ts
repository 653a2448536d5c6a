import type Database from "better-sqlite3";
import type { Trade } from "@/db/schema";
import { calendarDate, parseEventTime } from "@/lib/event-time";
import { parsePythonJson } from "@/lib/lenient-json";

/** The JSON columns of a trade, in the order of their bits in agent_desk_trades.nan_json / broken_json. */
export const TRADE_JSON_COLUMNS = [
  "agent_contributions",
  "analysis_metadata",
  "market_snapshot",
  "portfolio_before",
] as const;

// About 25 ms of JSON reading per transaction: the Python writer waits at most that long for one.
const BATCH_TRADES = 500;

/** A trade as the catch-up reads it: JSON columns that SQLite finds valid come back NULL (nothing to classify). */
type TradeRow = Pick<Trade, "timestamp" | "pnl7Days" | "decisionConfidence" | "agentContributions"> &
  Record<`invalid_${(typeof TRADE_JSON_COLUMNS)[number]}`, string | null>;

type TradeFacts = {
  eventMs: number | null;
  day: string | null;
  contributions: 0 | 1 | 2;
  values: [string, number][];
  nonNumeric: number;
  nanJson: number;
  brokenJson: number;
};

/** What Agent Desk reads out of one trade: its instant and day in `zone`, its readable contributions, its odd JSON. */
function factsOf(row: TradeRow, zone: string): TradeFacts {
  const eventMs = typeof row.timestamp === "string" ? parseEventTime(row.timestamp, zone) : null;
  let nanJson = 0;
  let brokenJson = 0;
  TRADE_JSON_COLUMNS.forEach((column, bit) => {
    const text = row[`invalid_${column}`];
    if (text === null) return;
    const parsed = parsePythonJson(text);
    if (parsed.ok) nanJson |= 1 << bit;
    else brokenJson |= 1 << bit;
  });
  return {
    eventMs,
    day: eventMs === null ? null : calendarDate(eventMs, zone),
    ...readContributions(row.agentContributions),
    nanJson,
    brokenJson,
  };
}

/**
 * A trade's agent_contributions as the Python analysis reads them: `contributions` 0 when NULL, 1 for an object,
 * 2 for anything else (unreadable); `values` its finite numbers; `nonNumeric` how many of its values were not.
 */
export function readContributions(text: string | null): Pick<TradeFacts, "contributions" | "values" | "nonNumeric"> {
  const parsed = text === null ? null : parsePythonJson(text);
  const object =
    parsed?.ok && parsed.value !== null && typeof parsed.value === "object" && !Array.isArray(parsed.value)
      ? (parsed.value as Record<string, unknown>)
      : null;
  const values: [string, number][] = [];
  let nonNumeric = 0;
  for (const [agent, value] of Object.entries(object ?? {})) {
    if (typeof value === "number" && Number.isFinite(value)) values.push([agent, value]);
    else nonNumeric++;
  }
  return { contributions: parsed === null ? 0 : object ? 1 : 2, values, nonNumeric };
}

// The sums of a day (or of a period's partial edge), over the trades whose 7-day PnL is known: one text shared by
// the day tables and the edge reads, so the two can never disagree about what a figure means.
export const TRADE_TOTALS_SQL = `count(*) AS trades, count(t.pnl_7_days) AS withPnl, total(t.pnl_7_days) AS pnl,
  total(t.pnl_7_days > 0) AS wins, total(t.pnl_7_days < 0) AS losses,
  total(t.pnl_7_days IS NOT NULL AND t.contributions = 1) AS analysed,
  total(t.pnl_7_days IS NOT NULL AND t.contributions = 2) AS unreadable,
  total(iif(t.pnl_7_days IS NOT NULL AND t.contributions = 1, t.non_numeric, 0)) AS nonNumeric`;
export const TRADE_AGENT_SQL = `c.agent_name AS agentName, count(*) AS trades, total(c.contribution) AS contribution,
  total(iif(t.pnl_7_days > 0, c.contribution * t.pnl_7_days, 0)) AS positive,
  total(iif(t.pnl_7_days > 0, 0, c.contribution * abs(t.pnl_7_days))) AS negative,
  total(c.contribution * t.pnl_7_days) AS weightedPnl,
  total(iif(t.decision_confidence <> 0, t.decision_confidence, 0)) AS confidenceSum,
  total(t.decision_confidence <> 0) AS confidenceCount`;
export const TRADE_AGENT_FROM = `agent_desk_trades AS t JOIN agent_desk_trade_contributions AS c USING (trade_rowid)
  WHERE t.pnl_7_days IS NOT NULL AND t.contributions = 1`;

// Trades written since the last read (migrations/0009): a new trade always takes a rowid above every trade there
// is, so above every trade read; a rowid reused after the newest trade was deleted is queued by the delete.
const NEW_TRADES = `FROM trades WHERE rowid > (SELECT coalesce(max(trade_rowid), 0) FROM agent_desk_trades)
  AND NOT EXISTS (SELECT 1 FROM agent_desk_trade_changes WHERE trade_rowid = trades.rowid)`;

/** How many trade changes wait to be read into the aggregates: queued by a trigger, or trades new since. */
export function waitingTradeChanges(db: Database.Database): number {
  return db
    .prepare(`SELECT (SELECT count(*) FROM agent_desk_trade_changes) + (SELECT count(*) ${NEW_TRADES})`)
    .pluck()
    .get() as number;
}

/** True when no trade change is waiting to be read into the aggregates. */
export function tradeAggregatesCurrent(db: Database.Database): boolean {
  return (
    db
      .prepare(`SELECT NOT EXISTS (SELECT 1 FROM agent_desk_trade_changes) AND NOT EXISTS (SELECT 1 ${NEW_TRADES})`)
      .pluck()
      .get() === 1
  );
}

/** Queues the trades written since the last read (a write only when there are some); true when it queued any. */
function queueNewTrades(db: Database.Database): boolean {
  if (db.prepare(`SELECT EXISTS (SELECT 1 ${NEW_TRADES})`).pluck().get() === 0) return false;
  db.transaction(() =>
    db.prepare(`INSERT OR IGNORE INTO agent_desk_trade_changes SELECT rowid ${NEW_TRADES}`).run(),
  ).immediate();
  return true;
}

/**
 * Reads trade changes (queued by the update and delete triggers, or new since the last read) into the aggregates,
 * one short immediate transaction per step, each removing what it read from the queue: killed at any point, the
 * next step goes on where this one stopped. Days are cut in `zone`; a different zone than last time, or trades
 * renumbered or replaced behind Agent Desk's back (found by `audit()`), queues every trade again first.
 */
export function tradeCounter(db: Database.Database, zone: string) {
  const batch = db.transaction(() => readChanges(db, zone));
  return {
    /** One step of work; how many trades it read or queued (0: nothing was waiting). */
    step(): number {
      if (stale(db, zone)) return db.transaction(() => (stale(db, zone) ? requeueAll(db, zone) : 0)).immediate();
      // New trades are looked for once the queue is empty: they stay above every trade read until then, and the
      // look (trades above the newest read, not queued) costs a lookup per queued trade while many are.
      return batch.immediate() || (queueNewTrades(db) ? 1 : 0);
    },
    /**
     * Compares the facts with the trades once nothing is waiting: a trade REPLACEd by another writer (its old row
     * deleted without a trigger, the new one read as new) leaves facts of a trade that is gone; a dump and restore
     * or a VACUUM renumbers rowids under facts that then describe other trades. Either queues what is off.
     * About 30 ms per 100k trades, so the background count runs it now and then, not on every step.
     */
    audit(): number {
      const renumbered = () =>
        tradeAggregatesCurrent(db) &&
        db
          .prepare(
            `SELECT EXISTS (SELECT 1 FROM agent_desk_trades AS f JOIN trades AS t ON t.rowid = f.trade_rowid
          WHERE t.pnl_7_days IS NOT f.pnl_7_days OR t.decision_confidence IS NOT f.decision_confidence)`,
          )
          .pluck()
          .get() === 1;
      // Looked for in one read snapshot, so a PnL the writer updates meanwhile is not taken for a renumbering.
      if (db.transaction(renumbered).deferred())
        return db.transaction(() => (renumbered() ? requeueAll(db, zone) : 0)).immediate();
      const gone = "SELECT trade_rowid FROM agent_desk_trades WHERE trade_rowid NOT IN (SELECT rowid FROM trades)";
      if (db.prepare(`SELECT EXISTS (${gone})`).pluck().get() === 0) return 0;
      return db
        .transaction(() => db.prepare(`INSERT OR IGNORE INTO agent_desk_trade_changes ${gone}`).run().changes)
        .immediate();
    },
  };
}

/** Reads every trade change now, with progress: for the command line (db:migrate, db:seed) and tests. */
export function catchUpTradeAggregates(
  db: Database.Database,
  zone: string,
  log: (line: string) => void = () => {},
): void {
  const counter = tradeCounter(db, zone);
  const began = performance.now();
  let reported = 0;
  for (let read = counter.step(); read > 0; read = counter.step()) {
    const seconds = (performance.now() - began) / 1000;
    if (seconds - reported < 2) continue; // the queue is counted only when a line is due
    reported = seconds;
    const pending = db.prepare("SELECT count(*) FROM agent_desk_trade_changes").pluck().get() as number;
    log(`  trade aggregates: ${pending.toLocaleString("en-US")} trades to read (${seconds.toFixed(1)} s)`);
  }
}

/** Empties the trade aggregates and reads every trade again (tests compare this with the incremental path). */
export function rebuildTradeAggregates(db: Database.Database, zone: string): void {
  db.transaction(() => {
    requeueAll(db, zone);
  }).immediate();
  catchUpTradeAggregates(db, zone);
}

/** The aggregates were cut in another zone, or trades were renumbered behind Agent Desk's back (read-only check). */
function stale(db: Database.Database, zone: string): boolean {
  if (db.prepare("SELECT time_zone FROM agent_desk_trade_zone").pluck().get() !== zone) return true;
  // Every trade has a facts row once the queue is empty; a VACUUM after a delete renumbers rowids and moves the newest.
  return (
    tradeAggregatesCurrent(db) &&
    db
      .prepare("SELECT (SELECT max(rowid) FROM trades) IS NOT (SELECT max(trade_rowid) FROM agent_desk_trades)")
      .pluck()
      .get() === 1
  );
}

function requeueAll(db: Database.Database, zone: string): number {
  db.exec(`DELETE FROM agent_desk_trades; DELETE FROM agent_desk_trade_contributions; DELETE FROM agent_desk_trade_days;
    DELETE FROM agent_desk_trade_agent_days; DELETE FROM agent_desk_trade_zone;
    INSERT OR IGNORE INTO agent_desk_trade_changes SELECT rowid FROM trades;`);
  db.prepare("INSERT INTO agent_desk_trade_zone (time_zone) VALUES (?)").run(zone);
  return 1;
}

/** One batch: replaces the facts of up to 500 queued trades, then recomputes every day they left or entered. */
function readChanges(db: Database.Database, zone: string): number {
  const ids = db
    .prepare("SELECT trade_rowid FROM agent_desk_trade_changes ORDER BY trade_rowid LIMIT ?")
    .pluck()
    .all(BATCH_TRADES) as number[];
  if (ids.length === 0) return 0;
  const statements = prepared(db);
  const days = new Set<string>();
  for (const id of ids) {
    const oldDay = statements.oldDay.get(id) as string | null | undefined;
    if (oldDay) days.add(oldDay);
    statements.forgetContributions.run(id);
    statements.forgetTrade.run(id);
    const row = statements.trade.get(id) as TradeRow | undefined;
    if (row) {
      const facts = factsOf(row, zone);
      statements.keepTrade.run(
        id,
        facts.eventMs,
        facts.day,
        row.pnl7Days,
        row.decisionConfidence,
        facts.contributions,
        facts.nonNumeric,
        facts.nanJson,
        facts.brokenJson,
      );
      for (const [agent, value] of facts.values) statements.keepContribution.run(id, agent, value);
      if (facts.day) days.add(facts.day);
    }
    statements.dequeue.run(id);
  }
  for (const day of days) {
    statements.forgetDay.run(day);
    statements.forgetAgentDay.run(day);
    statements.sumDay.run({ day });
    statements.sumAgentDay.run({ day });
  }
  return ids.length;
}

function prepared(db: Database.Database) {
  const invalid = TRADE_JSON_COLUMNS.map(
    (c) => `iif(${c} IS NULL OR json_valid(${c}), NULL, ${c}) AS invalid_${c}`,
  ).join(", ");
  return {
    oldDay: db.prepare("SELECT day FROM agent_desk_trades WHERE trade_rowid = ?").pluck(),
    forgetContributions: db.prepare("DELETE FROM agent_desk_trade_contributions WHERE trade_rowid = ?"),
    forgetTrade: db.prepare("DELETE FROM agent_desk_trades WHERE trade_rowid = ?"),
    trade: db.prepare(
      `SELECT timestamp, pnl_7_days AS pnl7Days, decision_confidence AS decisionConfidence, agent_contributions AS agentContributions, ${invalid} FROM trades WHERE rowid = ?`,
    ),
    keepTrade: db.prepare("INSERT INTO agent_desk_trades VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
    keepContribution: db.prepare("INSERT INTO agent_desk_trade_contributions VALUES (?, ?, ?)"),
    dequeue: db.prepare("DELETE FROM agent_desk_trade_changes WHERE trade_rowid = ?"),
    forgetDay: db.prepare("DELETE FROM agent_desk_trade_days WHERE day = ?"),
    forgetAgentDay: db.prepare("DELETE FROM agent_desk_trade_agent_days WHERE day = ?"),
    sumDay: db.prepare(
      `INSERT INTO agent_desk_trade_days SELECT @day, ${TRADE_TOTALS_SQL} FROM agent_desk_trades AS t WHERE t.day = @day HAVING count(*) > 0`,
    ),
    sumAgentDay: db.prepare(
      `INSERT INTO agent_desk_trade_agent_days SELECT @day, ${TRADE_AGENT_SQL} FROM ${TRADE_AGENT_FROM} AND t.day = @day GROUP BY c.agent_name`,
    ),
  };
}
