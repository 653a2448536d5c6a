// Addresses built from what is in the file or typed by hand: trades whose ids a URL cannot carry as they are (on a
// server of its own over a file that holds them, as the demo file is shared with the other specs), and /costs
// asked to group by a key of Object.prototype.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { SERVER_ARGS } from "../scripts/steps/serve";

const PORT = 3197;
const FILE = path.resolve("e2e", ".data", "edge-urls.db");

/** Each trade's ticker names it on its page (the heading is "buy <ticker>"). */
const TRADES: { ticker: string; id: string | null }[] = [
  { ticker: "E01", id: null },
  { ticker: "E02", id: null },
  { ticker: "E03", id: "" },
  { ticker: "E04", id: "." },
  { ticker: "E05", id: ".." },
  { ticker: "E06", id: "export" },
  { ticker: "E07", id: "row" },
  { ticker: "E08", id: "a/b" },
  { ticker: "E09", id: "a%2Fb" },
  { ticker: "E10", id: "50%" },
  { ticker: "E11", id: "%25" },
  { ticker: "E12", id: "q?x=1" },
  { ticker: "E13", id: "h#1" },
  { ticker: "E14", id: "매수-001" },
];
/** Ids that cannot be one path segment: their trades are at /trades/row/<rowid>. */
const ROW_FORM = new Set([null, "", ".", "..", "export"]);

test.describe("trades whose ids a URL cannot carry as they are", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ baseURL: `http://127.0.0.1:${PORT}` });
  let server: ChildProcess | undefined;
  const rowids = new Map<string, number>();

  test.beforeAll(async ({}, testInfo) => {
    test.skip(testInfo.project.name !== "demo", "starts its own server; once is enough");
    test.setTimeout(120_000);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(FILE + suffix, { force: true });
    // The trading system's schema and its rows first, then Agent Desk's migration, as with a real file.
    const db = new Database(FILE);
    db.exec(fs.readFileSync(path.resolve("migrations", "0001_upstream_schema.sql"), "utf8"));
    const insert = db.prepare(
      "INSERT INTO trades (trade_id, timestamp, ticker, action, quantity, price, justification_text, market_snapshot, portfolio_before) VALUES (?, ?, ?, 'buy', 1, 70000, '매수', '{}', '{}')",
    );
    // An hour ago and a minute apart, naive in Asia/Seoul (no DST), as the trading system writes event times.
    TRADES.forEach(({ ticker, id }, i) => {
      const naive = new Date(Date.now() + 9 * 3_600_000 - 3_600_000 - i * 60_000).toISOString().slice(0, 19);
      rowids.set(ticker, Number(insert.run(id, naive, ticker).lastInsertRowid));
    });
    db.close();
    execFileSync(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts", "--db", FILE], { stdio: "pipe" });
    server = spawn(process.execPath, SERVER_ARGS, {
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(PORT),
        HOST: "127.0.0.1",
        DATABASE_PATH: FILE,
        DATA_TIMEZONE: "Asia/Seoul",
        DASHBOARD_PASSWORD: "",
        PUBLIC_DASHBOARD: "",
        AUTO_ROLLBACK: "off",
      },
      stdio: "ignore",
    });
    // Up, and every trade counted into the log (whether on the first read or by a count in the background).
    const missing = async () => {
      const html = await fetch(`http://127.0.0.1:${PORT}/trades?days=7`).then(
        (r) => r.text(),
        () => "",
      );
      return TRADES.filter(({ ticker }) => !html.includes(`>${ticker}<`)).map(({ ticker }) => ticker);
    };
    await expect.poll(missing, { timeout: 60_000 }).toEqual([]);
  });

  test.afterAll(() => {
    server?.kill("SIGTERM");
  });

  test("each opens from its link in the trade log: /trades/<id> encoded once, or /trades/row/<rowid>", async ({
    page,
  }) => {
    test.slow(); // two page loads per trade
    for (const { ticker, id } of TRADES) {
      await page.goto("/trades?days=7");
      const link = page
        .getByRole("row")
        .filter({ has: page.getByRole("cell", { name: ticker, exact: true }) })
        .getByRole("link");
      const href = ROW_FORM.has(id) ? `/trades/row/${rowids.get(ticker)}` : `/trades/${encodeURIComponent(id!)}`;
      await expect(link, ticker).toHaveAttribute("href", href);
      await link.click();
      await expect(page.getByRole("heading", { level: 1 }), ticker).toHaveText(`buy ${ticker}`);
      await expect(
        page.getByText(`Trade ${id === null ? "(no id)" : id === "" ? "(empty id)" : id} · `),
        ticker,
      ).toBeVisible();
    }
  });

  test("a typed address is decoded exactly once: %252F is the id's own %2F, %2F its slash", async ({ page }) => {
    for (const [address, ticker] of [
      ["/trades/a%252Fb", "E09"],
      ["/trades/a%2Fb", "E08"],
      ["/trades/%2525", "E11"],
      ["/trades/50%25", "E10"],
      ["/trades/%EB%A7%A4%EC%88%98-001", "E14"],
      ["/trades/row", "E07"],
      [`/trades/row/${rowids.get("E02")}`, "E02"],
    ] as const) {
      const response = await page.goto(address);
      expect(response?.status(), address).toBe(200);
      await expect(page.getByRole("heading", { level: 1 }), address).toHaveText(`buy ${ticker}`);
    }
  });

  test("a row that is not there, or a rowid not written as tradeHref writes it, is not found", async ({ page }) => {
    for (const address of [
      "/trades/row/999999",
      "/trades/row/abc",
      `/trades/row/0${rowids.get("E01")}`,
      "/trades/row/1.5",
    ]) {
      expect((await page.goto(address))?.status(), address).toBe(404);
    }
  });
});

test("/costs asked to group by a key of Object.prototype, or twice, groups by provider", async ({ page }) => {
  for (const query of [
    "by=toString",
    "by=constructor",
    "by=__proto__",
    "by=hasOwnProperty",
    "by=valueOf",
    "by=agent&by=model",
  ]) {
    const response = await page.goto(`/costs?days=7&${query}`);
    expect(response?.status(), query).toBe(200);
    await expect(page.getByRole("heading", { name: /^Cost over time by provider/ }), query).toBeVisible();
  }
});
