import { OWN_FILE } from "@/db";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/connection";
import { tempDir } from "@/db/testing/upstream-file";
import { migrate } from "@/migrations/runner";
import { getTradeStats } from "./trade-stats";

beforeAll(async () => {
  const file = path.join(tempDir(), "all-winning.db");
  const db = openDatabase(file);
  await migrate(db, { log: () => {} });
  const insert = db.prepare(
    "INSERT INTO trades (trade_id, timestamp, ticker, action, quantity, price, justification_text, market_snapshot, portfolio_before, pnl_7_days) VALUES (?, '2025-09-19T10:00:00', '005930', ?, 1, 70000, '매수', '{}', '{}', ?)",
  );
  insert.run("W1", "buy", 12_000);
  insert.run("W2", "sell", 3_000);
  insert.run("PENDING", "buy", null);
  db.close();
  process.env.DATABASE_PATH = file;
});

describe("get_trade_statistics win rate", () => {
  it("is 100 for an all-winning record (the Python code reports 0)", () => {
    expect(getTradeStats(OWN_FILE)).toEqual({
      totalTrades: 3,
      buyTrades: 2,
      sellTrades: 1,
      avgPnl7d: 7_500,
      totalPnl7d: 15_000,
      winningTrades: 2,
      losingTrades: 0,
      winRate: 100,
    });
  });
});
