import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ExportResultCode } from "@opentelemetry/core";
import { OTLPTraceExporter as OTLPJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OTLPProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { Resource } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import pg from "pg";
import { hourKeySql } from "@/db/aggregates/llm-keys";
import { agentsPyYamlReads } from "@/db/testing/pyyaml";
import { startPostgres, type PostgresServer } from "@/db/testing/postgres-server";
import { makeUpstreamDb, tempDir } from "@/db/testing/upstream-file";
import { BUNDLED_AGENT_CONFIG_PATH } from "@/lib/server/config";
import { startWriter } from "@/scripts/loadtest/shared";
import { rawRequest, startOwnServer, type OwnServer } from "../security/own-server";

// The fleet journey on small files: two trading systems, each with its Python writer inserting and its shipper
// running, one central desk over a real PostgreSQL server. The central figures must equal each file's own through a
// shipper killed mid-batch, a central desk restarted and a PostgreSQL server that crashed; a swap recorded centrally
// must reach its system's YAML and no other; a wrong token, another system's token and a replayed batch write nothing.

test.describe.configure({ mode: "serial", timeout: 240_000 });

const TOKENS = { alpha: "alpha-secret-0123456789abcdef", beta: "beta-secret-0123456789abcdef0" };
// A third system without a SQLite file: an OpenTelemetry-instrumented app exporting its spans.
const OTLP_TOKEN = "gamma-secret-0123456789abcdef";
const INGEST_TOKENS = `alpha:${TOKENS.alpha},beta:${TOKENS.beta},gamma:${OTLP_TOKEN}`;
const PORT = 3120;
// The central desk's replicas, beside its own file: made anew with the store each run.
const FLEET_REPLICA_DIR = path.resolve("e2e", ".data", "security-fleet", "replicas");

type System = keyof typeof TOKENS;
type Trading = { file: string; config: string; shipper?: ChildProcess; log: string[] };

let postgres: PostgresServer;
let store: pg.Pool;
let central: OwnServer;
const systems = {} as Record<System, Trading>;

function startShipper(system: System) {
  const trading = systems[system];
  const child = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "scripts/ship.ts",
      ...["--db", trading.file, "--to", central.url, "--system", system, "--token", TOKENS[system]],
      ...["--config", trading.config, "--sweep-seconds", "1"],
    ],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, DATA_TIMEZONE: "Asia/Seoul" } },
  );
  for (const stream of [child.stdout!, child.stderr!])
    stream.on("data", (chunk: Buffer) => trading.log.push(...chunk.toString().trim().split("\n")));
  trading.shipper = child;
}

async function stopShipper(system: System, signal: NodeJS.Signals = "SIGTERM") {
  const child = systems[system].shipper;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

/** What the local desk counts in a file: the hourly aggregate's rows, and the small tables' sums. */
function fileFigures(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const hourly = db
      .prepare(
        `SELECT ${hourKeySql("timestamp")} AS hour, agent_name, provider, model, request_type, count(*) AS calls,
           sum(success) AS successes, sum(tokens_used) AS tokens, round(sum(cost_usd), 6) AS cost,
           round(sum(response_time_ms), 3) AS latency
         FROM llm_usage_log GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
      )
      .all();
    const small = db
      .prepare(
        `SELECT (SELECT count(*) FROM trades) AS trades, (SELECT round(sum(pnl_7_days), 3) FROM trades) AS pnl,
           (SELECT count(*) FROM agent_performance) AS performance, (SELECT count(*) FROM system_metrics) AS metrics,
           (SELECT count(*) FROM model_evolution_history) AS swaps, (SELECT count(*) FROM llm_usage_log) AS calls`,
      )
      .get() as Record<string, number | null>;
    return { hourly, small };
  } finally {
    db.close();
  }
}

async function centralFigures(system: System) {
  const hourly = await store.query(
    `SELECT hour, agent_name, provider, model, request_type, calls, successes, tokens,
       round(cost_usd::numeric, 6)::float8 AS cost, round(latency_ms_sum::numeric, 3)::float8 AS latency
     FROM fleet_llm_hourly WHERE system = $1 ORDER BY hour COLLATE "C", agent_name COLLATE "C", provider COLLATE "C", model COLLATE "C", request_type COLLATE "C"`,
    [system],
  );
  const small = await store.query(
    `SELECT (SELECT count(*) FROM fleet_trades WHERE system = $1) AS trades,
       (SELECT round(sum(pnl_7_days)::numeric, 3)::float8 FROM fleet_trades WHERE system = $1) AS pnl,
       (SELECT count(*) FROM fleet_agent_performance WHERE system = $1) AS performance,
       (SELECT count(*) FROM fleet_system_metrics WHERE system = $1) AS metrics,
       (SELECT count(*) FROM fleet_model_swaps WHERE system = $1) AS swaps,
       (SELECT count(*) FROM fleet_llm_calls WHERE system = $1) AS calls`,
    [system],
  );
  return { hourly: hourly.rows, small: small.rows[0] };
}

async function expectCaughtUp(system: System) {
  await expect
    .poll(
      async () => JSON.stringify(await centralFigures(system)) === JSON.stringify(fileFigures(systems[system].file)),
      {
        timeout: 90_000,
        intervals: [500],
      },
    )
    .toBe(true);
}

test.beforeAll(async () => {
  postgres = await startPostgres({ durable: true });
  store = new pg.Pool({ connectionString: postgres.url });
  store.on("error", () => {});
  pg.types.setTypeParser(pg.types.builtins.INT8, Number);
  central = await startOwnServer("fleet", PORT, { DATABASE_URL: postgres.url, INGEST_TOKENS, FLEET_REPLICA_DIR });
  const dir = tempDir("agent-desk-fleet-");
  for (const [i, system] of (["alpha", "beta"] as const).entries()) {
    const file = makeUpstreamDb(path.join(dir, `${system}.db`), ["--days", "180", "--seed", String(i + 1)]);
    const config = path.join(dir, `${system}.yaml`);
    fs.copyFileSync(BUNDLED_AGENT_CONFIG_PATH, config);
    systems[system] = { file, config, log: [] };
  }
});

test.afterEach(async ({}, info) => {
  if (info.status !== info.expectedStatus || process.env.SHOW_SHIPPER_LOGS)
    for (const system of ["alpha", "beta"] as const)
      await info.attach(`shipper ${system}`, { body: systems[system].log.join("\n"), contentType: "text/plain" });
});

test.afterAll(async () => {
  for (const system of ["alpha", "beta"] as const) await stopShipper(system);
  await central?.stop();
  await store?.end();
  await postgres?.stop();
});

test("two files shipped at once while their writers insert arrive whole, through a killed shipper and restarts", async () => {
  const writers = [startWriter(systems.alpha.file, 20, 40), startWriter(systems.beta.file, 20, 40)];
  startShipper("alpha");
  startShipper("beta");
  // The files' history goes first, a batch after another: a kill 300 ms into it lands inside that stream.
  await expect
    .poll(() => systems.alpha.log.some((line) => line.includes("resuming after batch 0")), { timeout: 60_000 })
    .toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await stopShipper("alpha", "SIGKILL");
  const killedAt = (await store.query("SELECT count(*) AS n FROM fleet_llm_calls WHERE system = 'alpha'")).rows[0].n;
  expect(killedAt).toBeLessThan(fileFigures(systems.alpha.file).small.calls!);
  startShipper("alpha");
  await new Promise((resolve) => setTimeout(resolve, 2000));
  // The central desk restarts while both shippers send; then its PostgreSQL server crashes and recovers.
  await central.stop();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  central = await startOwnServer(
    "fleet",
    PORT,
    { DATABASE_URL: postgres.url, INGEST_TOKENS, FLEET_REPLICA_DIR },
    { fresh: false },
  );
  await postgres.crashAndRestart();
  const written = await Promise.all(writers);
  for (const { counts } of written) expect(counts.errors).toBe(0);
  await expectCaughtUp("alpha");
  await expectCaughtUp("beta");
  expect(systems.alpha.log.join("\n")).toMatch(/resuming after batch [1-9]\d*, LLM call [1-9]\d*/);
});

test("a swap recorded on the central desk's page reaches its system's YAML and no other", async ({ page }) => {
  const betaYaml = fs.readFileSync(systems.beta.config);
  const [before] = agentsPyYamlReads([systems.alpha.config]);
  expect(before!.cio).not.toEqual(["gemini", "gemini-2.5-pro"]);
  await page.goto(`${central.url}/fleet?system=alpha`);
  const form = page.getByRole("region", { name: "Model swaps for alpha" });
  await form.getByLabel("Agent").selectOption("cio");
  await form.getByLabel("New provider").selectOption("gemini");
  await form.getByLabel("New model").fill("gemini-2.5-pro");
  await form.getByLabel("Reason").fill("중앙 데스크에서 교체");
  await form.getByRole("button", { name: "Record swap for alpha" }).click();
  await expect(page.getByRole("status")).toContainText("recorded");
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByRole("table", { name: "Swaps recorded for alpha on this desk" }).innerText();
      },
      { timeout: 30_000 },
    )
    .toMatch(/applied: cio .+ → gemini gemini-2\.5-pro/);
  const [after] = agentsPyYamlReads([systems.alpha.config]);
  expect(after!.cio).toEqual(["gemini", "gemini-2.5-pro"]);
  expect(fs.readFileSync(systems.beta.config).equals(betaYaml)).toBe(true);
  // The swap's history row comes back to the central desk like any other row, and only under alpha.
  await expectCaughtUp("alpha");
  const swaps = await store.query(
    "SELECT system FROM fleet_model_swaps WHERE new_model = 'gemini-2.5-pro' AND reason = '중앙 데스크에서 교체'",
  );
  expect(swaps.rows).toEqual([{ system: "alpha" }]);
  // A form sent twice (a double tap, a resent request) records one request.
  const requests = await store.query("SELECT count(*) AS n FROM fleet_swap_requests WHERE system = 'alpha'");
  expect(requests.rows[0].n).toBe(1);
});

test("an OpenTelemetry app's GenAI spans, exported as protobuf and as JSON, become its system's LLM calls", async () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: new Resource({ "service.name": "us-equities" }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("langgraph");
  for (let i = 0; i < 30; i++) {
    const node = tracer.startSpan(`node ${i}`);
    const chat = tracer.startSpan(`chat ${i}`, {
      attributes: {
        "gen_ai.provider.name": i % 2 ? "openai" : "anthropic",
        "gen_ai.request.model": i % 2 ? "gpt-5" : "sonnet-4",
        "gen_ai.operation.name": "chat",
        "gen_ai.usage.input_tokens": 1000 + i,
        "gen_ai.usage.output_tokens": 200,
        "metadata.langgraph_node": i % 3 ? "market_analyst" : "cio",
      },
    });
    chat.end();
    node.end();
  }
  const spans = exporter.getFinishedSpans();
  const url = `${central.url}/api/ingest/otlp/v1/traces`;
  const headers = { Authorization: `Bearer ${OTLP_TOKEN}` };
  const send = (otlp: { export: OTLPProtoExporter["export"] }, batch: typeof spans) =>
    new Promise<number>((resolve) => otlp.export(batch, (result) => resolve(result.code)));
  // The first half as protobuf, the second as JSON, then all of it again as protobuf (an exporter's retry).
  expect(await send(new OTLPProtoExporter({ url, headers }), spans.slice(0, 30))).toBe(ExportResultCode.SUCCESS);
  expect(await send(new OTLPJsonExporter({ url, headers }), spans.slice(30))).toBe(ExportResultCode.SUCCESS);
  expect(await send(new OTLPProtoExporter({ url, headers }), spans)).toBe(ExportResultCode.SUCCESS);
  const calls = await store.query(
    "SELECT count(*) AS n, sum(tokens_used)::float8 AS tokens, count(*) FILTER (WHERE cost_usd > 0) AS priced FROM fleet_llm_calls WHERE system = 'gamma'",
  );
  expect(calls.rows[0]).toEqual({ n: 30, tokens: 30 * 1200 + 435, priced: 30 });
  // A wrong token writes nothing, as for batches.
  expect(await send(new OTLPProtoExporter({ url, headers: { Authorization: "Bearer nope-0123456789" } }), spans)).toBe(
    ExportResultCode.FAILED,
  );
  const fleet = JSON.parse((await rawRequest(`${central.url}/api/fleet?system=gamma&days=1`)).body);
  expect(fleet.systems[0].llm.calls).toBe(30);
});

test("the fleet page shows each system's figures as the API gives them, in Korean", async ({ page, context }) => {
  await context.addCookies([{ name: "agent_desk_locale", value: "ko", url: central.url }]);
  const api = JSON.parse((await rawRequest(`${central.url}/api/fleet?days=30`)).body);
  expect(api.systems.map((s: { system: string }) => s.system)).toEqual(["alpha", "beta", "gamma"]);
  for (const s of api.systems) expect(s.llm.calls).toBeGreaterThan(0);
  await page.goto(`${central.url}/fleet?days=30`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("전체 시스템");
  const table = page.getByRole("table", {
    name: "트레이딩 시스템별 거래, LLM 비용, 예산, 검토할 에이전트, 전송기 상태",
  });
  for (const s of api.systems) {
    const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: s.system, exact: true }) });
    await expect(row).toContainText(s.llm.cost_usd.toLocaleString("en-US", { style: "currency", currency: "USD" }));
    await expect(row).toContainText(s.trading.trades.toLocaleString("ko-KR"));
  }
  await page.screenshot({ path: test.info().outputPath("fleet-ko.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${central.url}/fleet?system=beta&days=30`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("전체 시스템: beta");
  await page.screenshot({ path: test.info().outputPath("fleet-beta-phone.png"), fullPage: true });
  // English, dark: the fleet and a system's own page.
  await context.addCookies([{ name: "agent_desk_locale", value: "en", url: central.url }]);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${central.url}/fleet?days=30`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fleet");
  await page.screenshot({ path: test.info().outputPath("fleet-en-dark.png"), fullPage: true });
  await page.goto(`${central.url}/agents?system=alpha&days=30`);
  await expect(page.getByRole("combobox", { name: "Trading system" })).toHaveValue("alpha");
  await page.screenshot({ path: test.info().outputPath("agents-alpha-en-dark.png"), fullPage: true });
});

test("a system's own pages read its replica: its figures as the fleet has them, and every link keeps the system", async ({
  page,
  context,
}) => {
  await context.addCookies([{ name: "agent_desk_locale", value: "ko", url: central.url }]);
  const fleet = JSON.parse((await rawRequest(`${central.url}/api/fleet?system=beta&days=30`)).body);
  const usage = async () => {
    const body = JSON.parse((await rawRequest(`${central.url}/api/llm/usage?system=beta&days=30`)).body);
    return Object.values(body.provider_stats as Record<string, { total_requests: number }>).reduce(
      (sum, p) => sum + p.total_requests,
      0,
    );
  };
  await expect.poll(usage, { timeout: 60_000 }).toBe(fleet.systems[0].llm.calls);
  expect((await rawRequest(`${central.url}/api/llm/usage?system=nobody`)).status).toBe(404);

  // From the fleet to a system's own pages.
  await page.goto(`${central.url}/fleet?system=beta&days=30`);
  await page.getByRole("link", { name: /^beta의 대시보드 열기/ }).click();
  await expect(page).toHaveURL(/\/\?system=beta&days=30$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("개요");
  await page.goto(`${central.url}/costs?system=beta&days=30`);
  await expect(page.getByRole("combobox", { name: "트레이딩 시스템" })).toHaveValue("beta");
  await expect(page.locator("main header").first()).toContainText("트레이딩 시스템 beta");
  await page.screenshot({ path: test.info().outputPath("costs-beta-ko.png"), fullPage: true });
  // A menu link and a period link, built by pages that know nothing of the system, keep it.
  await page.getByRole("navigation", { name: "주 메뉴" }).locator('a[href="/agents"]').click();
  await expect(page).toHaveURL(/\/agents\?system=beta$/);
  await page.getByRole("link", { name: "7일", exact: true }).click();
  await expect(page).toHaveURL(/\/agents\?.*days=7&system=beta$/);
  // The switcher leaves for this desk's own file, on the same page.
  await page.getByRole("combobox", { name: "트레이딩 시스템" }).selectOption("");
  await expect(page).toHaveURL(/\/agents\?[^#]*days=7$/);
  // A swap for beta is recorded on the fleet page, never by a form writing to this desk's own file.
  await page.goto(`${central.url}/evolution?system=beta`);
  await expect(page.getByRole("link", { name: "Fleet에서 기록하기" })).toHaveAttribute(
    "href",
    "/fleet?system=beta#swap-form",
  );
  await expect(page.getByRole("button", { name: "교체 기록" })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("evolution-beta-ko.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`${central.url}/review?system=beta`);
  await expect(page.getByRole("link", { name: "Fleet에서 기록하기" }).first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("review-beta-ko-dark.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${central.url}/?system=beta`);
  await expect(page.getByRole("combobox", { name: "트레이딩 시스템" })).toHaveValue("beta");
  await page.screenshot({ path: test.info().outputPath("overview-beta-phone.png"), fullPage: true });
});

test("a wrong token, another system's token and a replayed batch write nothing", async () => {
  await stopShipper("alpha");
  await stopShipper("beta");
  const counts = async () =>
    (await store.query("SELECT system, count(*) AS n FROM fleet_trades GROUP BY 1 ORDER BY 1")).rows;
  const before = await counts();
  const { last_seq: lastSeq } = (await store.query("SELECT last_seq FROM fleet_systems WHERE system = 'alpha'"))
    .rows[0];
  const trade = {
    source_id: "FORGED-1",
    trade_id: "FORGED-1",
    timestamp: "2026-11-30T09:00:00",
    ticker: "005930",
    action: "sell",
    quantity: 1,
    price: 1,
    justification_text: "x",
    market_snapshot: "{}",
    portfolio_before: "{}",
    pnl_7_days: null,
    pnl_30_days: null,
    agent_contributions: null,
    decision_confidence: null,
    analysis_metadata: null,
    created_at: null,
  };
  const post = (token: string, body: unknown, system = "alpha", extra: Record<string, string> = {}) =>
    rawRequest(`${central.url}/api/ingest/batch?system=${system}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...extra },
      body: Buffer.from(JSON.stringify(body)),
    });
  const batch = { seq: lastSeq + 1, rows: { trades: [trade] } };
  expect((await post("not-a-token-at-all-0123456789", batch)).status).toBe(401);
  expect((await post(TOKENS.beta, batch, "alpha")).status).toBe(403);
  const badRow = await post(TOKENS.alpha, { seq: lastSeq + 1, rows: { trades: [{ ...trade, price: "cheap" }] } });
  expect(badRow.status).toBe(400);
  expect(JSON.parse(badRow.body).error).toMatch(/^rows\.trades\[0\]\.price: /);
  const bomb = gzipSync(Buffer.alloc(80 * 2 ** 20, 32));
  const inflated = await rawRequest(`${central.url}/api/ingest/batch`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKENS.alpha}`, "content-encoding": "gzip" },
    body: bomb,
  });
  expect(inflated.status).toBe(413);
  expect(await counts()).toEqual(before);

  // A batch applied once; the same batch captured and sent again later writes nothing, even after a correction.
  expect(JSON.parse((await post(TOKENS.alpha, batch)).body)).toMatchObject({ applied: true, written: 1 });
  await post(TOKENS.alpha, { seq: lastSeq + 2, rows: { trades: [{ ...trade, pnl_7_days: 500 }] } });
  const replayed = await post(TOKENS.alpha, batch);
  expect(replayed.status).toBe(409);
  expect(JSON.parse(replayed.body)).toMatchObject({ applied: false, reason: "out of sequence" });
  const forged = await store.query("SELECT system, pnl_7_days FROM fleet_trades WHERE source_id = 'FORGED-1'");
  expect(forged.rows).toEqual([{ system: "alpha", pnl_7_days: 500 }]);
});
