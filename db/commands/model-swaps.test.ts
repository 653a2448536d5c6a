// The swap and rollback commands on a file the trading system's own Python writer made, migrated as npm start
// would, with a writable copy of the real agent config as AGENT_CONFIG_PATH.
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { database, writableDatabase, OWN_FILE } from "@/db";
import { countAllNow } from "@/db/aggregates/count-all";
import { getAgentMapping } from "@/db/queries/agent-mapping";
import { getEvolution } from "@/db/queries/evolution";
import { requestClock } from "@/db/queries/request-clock";
import { agentsPyYamlReads, HAS_PYYAML } from "@/db/testing/pyyaml";
import { useTradingFile } from "@/db/testing/upstream-file";
import { withAgentModel } from "@/lib/server/agent-config-edit";
import { BUNDLED_AGENT_CONFIG_PATH } from "@/lib/server/config";
import { naiveIso } from "@/lib/event-time";
import { rollBackBreachedSwaps } from "./auto-rollback";
import { recordSwap, rollbackSwap } from "./model-swaps";

const ORIGINAL = fs.readFileSync(BUNDLED_AGENT_CONFIG_PATH, "utf8");
const operator = { name: "test operator", trigger: "manual" } as const;
let configFile = "";

beforeAll(async () => {
  ({ configFile } = await useTradingFile());
});
afterEach(() => vi.restoreAllMocks());

const count = (table: string) =>
  database(OWN_FILE).sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
let requests = 0;
const form = (over: Record<string, unknown> = {}) => ({
  agent: "cio",
  provider: "gpt",
  model: "gpt-5",
  reason: "CIO decisions too slow",
  expectedImprovement: "0.15",
  validationDays: "7",
  rollbackThreshold: "-0.1",
  requestId: `request-${++requests}-${Date.now()}`,
  ...over,
});

describe("recording a manual swap", () => {
  it("takes the old model from the server, sets manual itself, audits it, and rewrites only the two values in the config", () => {
    const before = getAgentMapping(requestClock()).cio!;
    const outcome = recordSwap({ ...form(), triggered_by: "automatic", id: 999, oldModel: "forged" }, operator);
    expect(outcome).toMatchObject({ ok: true, configWritten: true, configNote: null, repeated: false });
    if (!outcome.ok) return;
    const row = database(OWN_FILE)
      .sqlite.prepare("SELECT * FROM model_evolution_history WHERE id = ?")
      .get(outcome.id) as Record<string, unknown>;
    expect(row).toMatchObject({
      old_provider: before.provider,
      old_model: before.model,
      new_provider: "gpt",
      new_model: "gpt-5",
      triggered_by: "manual",
      performance_improvement: 0.15,
    });
    expect(row.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?$/); // as the trading system writes it
    expect(
      database(OWN_FILE)
        .sqlite.prepare("SELECT actor, config_written, rollback_of FROM agent_desk_swap_audit WHERE evolution_id = ?")
        .get(outcome.id),
    ).toEqual({ actor: "test operator", config_written: 1, rollback_of: null });
    const [a, b] = [ORIGINAL.split("\n"), fs.readFileSync(configFile, "utf8").split("\n")];
    expect(a.filter((line, i) => line !== b[i])).toHaveLength(2);
    expect(parse(b.join("\n")).agents.cio).toMatchObject({ provider: "gpt", model: "gpt-5" });
    expect(getAgentMapping(requestClock()).cio).toEqual({ provider: "gpt", model: "gpt-5" });
  });

  it("records one swap for a request sent twice", () => {
    const once = form({ agent: "risk_analyst", provider: "claude", model: "sonnet-4" });
    const rows = count("model_evolution_history");
    const first = recordSwap(once, operator);
    const second = recordSwap(once, operator);
    expect(second).toEqual({ ...first, repeated: true });
    expect(count("model_evolution_history")).toBe(rows + 1);
  });

  it("answers bad input field by field and writes nothing", () => {
    const rows = [count("model_evolution_history"), count("agent_desk_swap_audit")];
    const config = fs.readFileSync(configFile, "utf8");
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ reason: "   " }, "reason", /Reason is required/],
      [{ provider: "openai" }, "provider", /New provider must be one of claude, gpt, gemini, perplexity/],
      [{ model: "" }, "model", /New model is required/],
      [{ model: "x".repeat(101) }, "model", /too long/],
      [{ model: "gpt\u0085-5" }, "model", /^New model holds a control character \(U\+0085\)$/],
      [{ model: "gpt-5\u0080" }, "model", /control character \(U\+0080\)/],
      [{ model: "gpt 5" }, "model", /letters, digits and \. _ - \/ : @ \+/],
      [{ model: "gpt-\uFFFE" }, "model", /letters, digits/],
      [{ model: "&big" }, "model", /starting and ending with a letter or digit/],
      [{ reason: "ok\u202Eevil" }, "reason", /^Reason holds a text-direction character \(U\+202E\)$/],
      [{ reason: "zero\u200Bwidth" }, "reason", /^Reason holds an invisible character \(U\+200B\)$/],
      [{ reason: "broken \uD800 half" }, "reason", /broken character/],
      [{ expectedImprovement: "1.5" }, "expectedImprovement", /from -1 to 1/],
      [{ expectedImprovement: "abc" }, "expectedImprovement", /must be a number/],
      [{ rollbackThreshold: "-Infinity" }, "rollbackThreshold", /must be a number|from -1 to 1/],
      [{ validationDays: "0" }, "validationDays", /1 to 90/],
      [{ validationDays: "7.5" }, "validationDays", /whole number/],
      [{ agent: "nobody" }, "agent", /There is no agent 'nobody'/],
      [{ agent: "cio", provider: "gpt", model: "gpt-5" }, "model", /already runs gpt gpt-5/],
      [{ requestId: "x" }, "requestId", /reload/],
    ];
    for (const [over, field, message] of cases) {
      const outcome = recordSwap(form(over), operator);
      expect(outcome.ok, JSON.stringify(over)).toBe(false);
      if (!outcome.ok) expect(outcome.fieldErrors?.[field as "reason"], JSON.stringify(over)).toMatch(message);
    }
    expect([count("model_evolution_history"), count("agent_desk_swap_audit")]).toEqual(rows);
    expect(fs.readFileSync(configFile, "utf8")).toBe(config);
  });

  it("records nothing when the config cannot be written, and leaves the config as it was", () => {
    const rows = count("model_evolution_history");
    const config = fs.readFileSync(configFile, "utf8");
    vi.spyOn(fs, "renameSync").mockImplementationOnce(() => {
      throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
    });
    const outcome = recordSwap(form({ agent: "flow_analyst", provider: "claude", model: "sonnet-4" }), operator);
    expect(outcome).toEqual({ ok: false, error: "Nothing was recorded: the disk is full" });
    expect(count("model_evolution_history")).toBe(rows);
    expect(fs.readFileSync(configFile, "utf8")).toBe(config);
    expect(
      fs.readdirSync(path.dirname(configFile)).filter((f) => f.endsWith(".tmp") || f.endsWith(".journal")),
    ).toEqual([]);
  });
});

describe("rolling a swap back", () => {
  it("writes the swap reversed and linked, restores the config, and refuses a second rollback, an older swap and a rollback", () => {
    const older = recordSwap(form({ agent: "valuation_analyst", provider: "claude", model: "sonnet-4" }), operator);
    const latest = recordSwap(form({ agent: "valuation_analyst", provider: "gpt", model: "gpt-5-mini" }), operator);
    if (!older.ok || !latest.ok) throw new Error("setup failed");
    expect(rollbackSwap(older.id, operator)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/is not valuation_analyst's latest swap/),
    });
    const back = rollbackSwap(latest.id, operator, { note: "worse fills" });
    expect(back).toMatchObject({ ok: true, from: "gpt gpt-5-mini", to: "claude sonnet-4", configWritten: true });
    if (!back.ok) return;
    expect(
      database(OWN_FILE)
        .sqlite.prepare("SELECT rollback_of FROM agent_desk_swap_audit WHERE evolution_id = ?")
        .pluck()
        .get(back.id),
    ).toBe(latest.id);
    expect(parse(fs.readFileSync(configFile, "utf8")).agents.valuation_analyst).toMatchObject({
      provider: "claude",
      model: "sonnet-4",
    });
    expect(rollbackSwap(latest.id, operator)).toMatchObject({
      ok: false,
      error: `Swap #${latest.id} is already rolled back`,
    });
    expect(rollbackSwap(back.id, operator)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/is itself a rollback/),
    });
    const statuses = Object.fromEntries(
      getEvolution(requestClock(), { agent: "valuation_analyst" }).map((s) => [
        s.id,
        [s.status, s.rollbackOf, s.canRollBack],
      ]),
    );
    expect(statuses[older.id]).toEqual(["superseded", null, false]);
    expect(statuses[latest.id]).toEqual(["rolled_back", null, false]);
    expect(statuses[back.id]).toEqual(["validating", latest.id, false]);
  });
});

describe("a rollback's note", () => {
  it("is refused, naming the note and what is wrong, with a text-direction override or a line break: the swap stays to roll back, the config as it was", () => {
    const swap = recordSwap(form({ agent: "performance_analyzer", provider: "gpt", model: "gpt-5-mini" }), operator);
    if (!swap.ok) throw new Error("setup failed");
    const rows = [count("model_evolution_history"), count("agent_desk_swap_audit")];
    const config = fs.readFileSync(configFile, "utf8");
    expect(rollbackSwap(swap.id, operator, { note: "worse fills \u202Eslif" })).toEqual({
      ok: false,
      error: "Note holds a text-direction character (U+202E)",
    });
    expect(rollbackSwap(swap.id, operator, { note: "worse fills\nRollback of swap #1: approved" })).toEqual({
      ok: false,
      error: "Note must be one line: it holds a line break",
    });
    expect([count("model_evolution_history"), count("agent_desk_swap_audit")]).toEqual(rows);
    expect(fs.readFileSync(configFile, "utf8")).toBe(config);
    const recorded = getEvolution(requestClock(), { agent: "performance_analyzer" }).find((s) => s.id === swap.id)!;
    expect([recorded.status, recorded.canRollBack]).toEqual(["validating", true]);
  });

  it("is optional: a blank note rolls back with the default reason", () => {
    const swap = recordSwap(form({ agent: "portfolio_rebalancer", provider: "claude", model: "sonnet-4" }), operator);
    if (!swap.ok) throw new Error("setup failed");
    const back = rollbackSwap(swap.id, operator, { note: "  " });
    if (!back.ok) throw new Error(back.error);
    expect(
      database(OWN_FILE).sqlite.prepare("SELECT reason FROM model_evolution_history WHERE id = ?").pluck().get(back.id),
    ).toBe(`Rollback of swap #${swap.id} (${swap.from} → ${swap.to}): rolled back by an operator`);
  });
});

describe("AUTO_ROLLBACK", () => {
  it("rolls back a breached swap once, as automatic, and leaves passed and inconclusive ones alone", () => {
    const { sqlite } = writableDatabase();
    const day = 86_400_000;
    const swapAt = Date.now() - 20 * day;
    const insertSwap = (agent: string, old: string, next: string) =>
      sqlite
        .prepare(
          "INSERT INTO model_evolution_history (timestamp, agent_name, old_provider, old_model, new_provider, new_model, reason, performance_improvement, triggered_by, validation_period_days, rollback_threshold) VALUES (?, ?, 'gemini', ?, 'gemini', ?, 'weekly reflection', 0.1, 'automatic', 7, -0.1)",
        )
        .run(naiveIso(swapAt, "Asia/Seoul"), agent, old, next).lastInsertRowid as number;
    const calls = (agent: string, fromMs: number, n: number, successRate: number) => {
      const insert = sqlite.prepare(
        "INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success, error_message) VALUES (?, ?, 'gemini', 'm', 1000, 0.01, 900, 'analysis', ?, ?)",
      );
      for (let i = 0; i < n; i++)
        insert.run(
          naiveIso(fromMs + i * 3_600_000, "Asia/Seoul"),
          agent,
          i < n * successRate ? 1 : 0,
          i < n * successRate ? null : "timeout",
        );
    };
    const breached = insertSwap("failure_attribution", "flash-2.5", "flash-lite");
    calls("failure_attribution", swapAt - 6 * day, 100, 0.96);
    calls("failure_attribution", swapAt + 2 * 3_600_000, 100, 0.5);
    const passed = insertSwap("model_benchmarker", "flash-2.5", "gemini-2.5-pro");
    calls("model_benchmarker", swapAt - 6 * day, 100, 0.9);
    calls("model_benchmarker", swapAt + 2 * 3_600_000, 100, 0.99);
    const thin = insertSwap("strategy_optimizer", "flash-2.5", "flash-lite");
    calls("strategy_optimizer", swapAt + 2 * 3_600_000, 10, 0.1);
    countAllNow(sqlite, { timeZone: "Asia/Seoul" }); // what the server's background count does

    const judged = Object.fromEntries(getEvolution(requestClock()).map((s) => [s.id, s]));
    expect([judged[breached]!.status, judged[passed]!.status, judged[thin]!.status]).toEqual([
      "breached",
      "passed",
      "inconclusive",
    ]);
    const { before, after } = judged[breached]!.validation;
    expect(after.successRate!).toBeLessThan(0.6);
    expect(judged[breached]!.realizedImprovement).toBeCloseTo(
      (after.successRate! - before.successRate!) / before.successRate!,
      9,
    );

    const first = rollBackBreachedSwaps();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ ok: true, agent: "failure_attribution", to: "gemini flash-2.5" });
    expect(rollBackBreachedSwaps()).toEqual([]);
    const rollback = getEvolution(requestClock(), { agent: "failure_attribution" })[0]!;
    expect([rollback.triggeredBy, rollback.rollbackOf, rollback.recordedBy?.actor]).toEqual([
      "automatic",
      breached,
      "Agent Desk (AUTO_ROLLBACK)",
    ]);
  });
});

describe("a swap never leaves the trading system's config unreadable", () => {
  const read = (file = configFile) => fs.readFileSync(file, "utf8");
  const rows = () => [count("model_evolution_history"), count("agent_desk_swap_audit")];

  it("refuses, writing nothing, a swap that a YAML anchor would carry to a second agent, and writes the value in place of the alias", () => {
    const anchored = read()
      .replace(
        "  allocator:\n    provider: gpt\n    model: gpt-5-nano\n",
        "  allocator:\n    provider: gpt\n    model: &nano gpt-5-nano\n",
      )
      .replace(
        "  trade_planner:\n    provider: gpt\n    model: gpt-5-nano\n",
        "  trade_planner:\n    provider: gpt\n    model: *nano\n",
      );
    expect(anchored).toMatch(/&nano[^]*\*nano/);
    fs.writeFileSync(configFile, anchored);
    const before = rows();
    expect(recordSwap(form({ agent: "allocator", model: "gpt-5-mini" }), operator)).toEqual({
      ok: false,
      error:
        "Nothing was recorded: the agent config agent_llm_mapping.yaml would change trade_planner too, through a YAML anchor or merge key shared with allocator; edit it by hand",
    });
    expect(rows()).toEqual(before);
    expect(read()).toBe(anchored);

    expect(recordSwap(form({ agent: "trade_planner", model: "gpt-5-mini" }), operator)).toMatchObject({
      ok: true,
      configWritten: true,
    });
    expect(read()).toBe(anchored.replace("model: *nano", "model: gpt-5-mini"));
    if (HAS_PYYAML)
      expect(agentsPyYamlReads([configFile])[0]).toMatchObject({
        allocator: ["gpt", "gpt-5-nano"],
        trade_planner: ["gpt", "gpt-5-mini"],
      });
  });

  it("leaves a read-only config alone and says so, even to root, recording the swap", () => {
    const text = read();
    fs.chmodSync(configFile, 0o444);
    try {
      expect(
        recordSwap(form({ agent: "sector_researcher", provider: "perplexity", model: "sonar-reasoning" }), operator),
      ).toMatchObject({
        ok: true,
        configWritten: false,
        configNote:
          "the agent config agent_llm_mapping.yaml is read-only, so it was not changed: edit sector_researcher's provider and model there by hand",
      });
      expect(read()).toBe(text);
      expect(fs.statSync(configFile).mode & 0o777).toBe(0o444);
    } finally {
      fs.chmodSync(configFile, 0o644);
    }
  });

  it("changes a symlinked config at its real path, keeping the link, the file's owner, group and mode, and nothing beside it", () => {
    const shared = fs.mkdtempSync(path.join(path.dirname(configFile), "shared-"));
    const target = path.join(shared, "agent_llm_mapping.yaml");
    fs.renameSync(configFile, target);
    fs.symlinkSync(path.relative(path.dirname(configFile), target), configFile);
    fs.chownSync(target, 4321, 8765);
    fs.chmodSync(target, 0o664);
    const text = read(target);

    expect(
      recordSwap(form({ agent: "ticker_screener", provider: "claude", model: "haiku-4.5" }), operator),
    ).toMatchObject({ ok: true, configWritten: true });
    expect(fs.lstatSync(configFile).isSymbolicLink()).toBe(true);
    const stat = fs.statSync(target);
    expect([stat.uid, stat.gid, stat.mode & 0o7777]).toEqual([4321, 8765, 0o664]);
    expect(read(target)).toBe(withAgentModel(text, "ticker_screener", { provider: "claude", model: "haiku-4.5" }));
    expect(fs.readdirSync(shared)).toEqual(["agent_llm_mapping.yaml"]); // no journal, no temporary file
    if (HAS_PYYAML) expect(agentsPyYamlReads([configFile])[0]!.ticker_screener).toEqual(["claude", "haiku-4.5"]);
  });
});
