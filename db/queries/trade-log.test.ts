import path from "node:path";
import { getDynamicParam } from "next/dist/shared/lib/router/utils/get-dynamic-param";
import { getRouteMatcher } from "next/dist/shared/lib/router/utils/route-matcher";
import { getRouteRegex } from "next/dist/shared/lib/router/utils/route-regex";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/connection";
import { makeUpstreamDb, tempDir } from "@/db/testing/upstream-file";
import { rowidFromParam, tradeHref, tradeIdFromParam } from "@/components/trades/trade-url";
import { migrate } from "@/migrations/runner";
import { getTrade } from "./trade-log";

// Ids a real file can hold: NULL (twice: the schema's TEXT PRIMARY KEY allows it), empty, dot segments, the CSV
// route's name, the row form's first segment, and every character with a meaning in a URL.
const ODD_IDS = [
  null,
  null,
  "",
  ".",
  "..",
  "export",
  "row",
  "a/b",
  "a%2Fb",
  "50%",
  "%25",
  "%zz",
  "q?x=1",
  "h#1",
  "매수-001",
  " spaced ",
];
const CLOCK = { now: Date.now(), zone: "Asia/Seoul" };
let trades: { rowid: number; tradeId: string | null }[];

beforeAll(async () => {
  const file = makeUpstreamDb(path.join(tempDir(), "trading_records.db"), ["--days", "3"]);
  const db = openDatabase(file);
  await migrate(db, { log: () => {} });
  const insert = db.prepare(
    "INSERT INTO trades (trade_id, timestamp, ticker, action, quantity, price, justification_text, market_snapshot, portfolio_before) VALUES (?, '2025-09-19T10:00:00', '005930', 'buy', 1, 70000, '매수', '{}', '{}')",
  );
  for (const id of ODD_IDS) insert.run(id);
  trades = db.prepare("SELECT rowid, trade_id AS tradeId FROM trades ORDER BY rowid").all() as typeof trades;
  db.close();
  process.env.DATABASE_PATH = file;
});

/**
 * What a page receives for a link: the path as the browser resolves it, matched by Next.js's own route matcher and
 * handed over as Next.js hands params to a page (decoded to match, encoded again).
 */
function follow(href: string): { page: "id" | "row"; param: string } | { page: "other"; pathname: string } {
  const pathname = new URL(href, "http://127.0.0.1").pathname;
  if (pathname === "/trades/export" || pathname === "/trades" || pathname === "/trades/")
    return { page: "other", pathname };
  for (const [page, route, key] of [
    ["row", "/trades/row/[rowid]", "rowid"],
    ["id", "/trades/[id]", "id"],
  ] as const) {
    const params = getRouteMatcher(getRouteRegex(route))(pathname);
    if (params) return { page, param: getDynamicParam(params, key, "d", null, null).value as string };
  }
  return { page: "other", pathname };
}

function open(href: string) {
  const target = follow(href);
  if (target.page === "other") return undefined;
  if (target.page === "id") return getTrade(CLOCK, { tradeId: tradeIdFromParam(target.param) });
  const rowid = rowidFromParam(target.param);
  return rowid === undefined ? undefined : getTrade(CLOCK, { rowid });
}

describe("a trade's link opens that trade, whatever its id", () => {
  it("every trade in the file, NULL, empty and odd ids included", () => {
    expect(trades.length).toBeGreaterThan(ODD_IDS.length);
    for (const trade of trades) {
      const opened = open(tradeHref(trade));
      expect({ href: tradeHref(trade), rowid: opened?.rowid, id: opened?.tradeId }).toEqual({
        href: tradeHref(trade),
        rowid: trade.rowid,
        id: trade.tradeId,
      });
    }
  });

  it("keeps /trades/<id> for ids that can be a segment, and decodes them exactly once", () => {
    expect(tradeHref({ tradeId: "ORD-20250919-001", rowid: 1 })).toBe("/trades/ORD-20250919-001");
    expect(tradeHref({ tradeId: "a%2Fb", rowid: 1 })).toBe("/trades/a%252Fb");
    expect(open("/trades/a%252Fb")?.tradeId).toBe("a%2Fb");
    expect(open("/trades/a%2Fb")?.tradeId).toBe("a/b");
    expect(open("/trades/%2525")?.tradeId).toBe("%25");
    expect(open("/trades/50%25")?.tradeId).toBe("50%");
    expect(open("/trades/row")?.tradeId).toBe("row");
  });

  it("uses the row form only where an id cannot stand, and finds nothing at a row that is not there", () => {
    const rowOf = (id: string | null) => trades.find((t) => t.tradeId === id)!.rowid;
    for (const id of [null, "", ".", "..", "export"])
      expect(tradeHref({ tradeId: id, rowid: rowOf(id) })).toBe(`/trades/row/${rowOf(id)}`);
    expect(open("/trades/row/999999")).toBeUndefined();
    for (const param of ["abc", "1.5", "01", "1e3", "", "9007199254740993"])
      expect(rowidFromParam(param)).toBeUndefined();
  });
});
