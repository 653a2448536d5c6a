// Bad input, everywhere: property-based tests over every server action's input and every API parameter, on a file
// the trading system's Python writer made. Each answer is a clear error or a correct write; nothing crashes, and a
// refused input writes nothing (rows, audit, the agent config all unchanged).
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as contribution from "@/app/api/agents/contribution/route";
import * as performance from "@/app/api/agents/performance/route";
import * as underperforming from "@/app/api/agents/underperforming/route";
import * as evolution from "@/app/api/evolution/route";
import * as breakdown from "@/app/api/llm/breakdown/route";
import * as usage from "@/app/api/llm/usage/route";
import * as metrics from "@/app/api/system/metrics/route";
import { database, OWN_FILE } from "@/db";
import { getAgentMapping } from "@/db/queries/agent-mapping";
import { requestClock } from "@/db/queries/request-clock";
import { getSwapLog } from "@/db/queries/swap-log";
import { agentsPyYamlReads, HAS_PYYAML } from "@/db/testing/pyyaml";
import { tempDir, useTradingFile } from "@/db/testing/upstream-file";
import { recordSwap, rollbackSwap } from "./model-swaps";
import { markReviewed } from "./reviews";
import { readSwapForm, SWAP_FIELDS } from "./swap-input";

let configFile = "";

beforeAll(async () => {
  ({ configFile } = await useTradingFile());
});

// Characters that can make a text read differently from what it holds: controls, line breaks of every kind,
// text-direction marks, embeddings, overrides and isolates, invisible format characters, broken and combining ones.
const SPOOFS = [
  "\u0000",
  "\u0007",
  "\u001B",
  "\u0085",
  "\n",
  "\r",
  "\r\n",
  "\t",
  "\u2028",
  "\u2029",
  "\u200E",
  "\u200F",
  "\u061C",
  "\u202A",
  "\u202E",
  "\u2066",
  "\u2069",
  "\u200B",
  "\u200C",
  "\u200D",
  "\u2060",
  "\uFEFF",
  "\u00AD",
  "\u{E0041}",
  "\uD800",
  "\uDFFF",
  "\u0301",
];

// What an attacker or a broken client sends: any text (lone surrogates included), the characters above among
// ordinary ones, SQL and HTML, numbers at and past their limits, texts at and past 2,000 characters, and a megabyte.
const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.oneof(fc.constantFrom(...SPOOFS), fc.constantFrom("a", "e", " ", "메")), maxLength: 12 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0007b",
    "\u202Egpt-5",
    "\uD800",
    "\uDFFF",
    "\u2126 e\u0301 \uF9EF", // text NFC changes: ohm sign, a decomposed é, a compatibility ideograph
    "gpt\u0085-5", // C1 and noncharacters: PyYAML refuses them in a file, or reads U+0085 as a line break
    "\u0080\uFFFE",
    "ok\u202Eevil",
    "\u2066isolated\u2069",
    "zero\u200Bwidth",
    "\uFEFFa byte-order mark at the start is only whitespace",
    "line\u2028separator",
    "two\nlines",
    "two\r\nlines, as a browser sends a textarea",
    "lone\rreturn",
    "'; DROP TABLE trades; --",
    "1 OR 1=1",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e309",
    "-0",
    "0x1F",
    "1.5",
    "-1.0000001",
    "2",
    "91",
    "0",
    "9".repeat(400),
    "e\u0301".repeat(1000), // 2,000 characters, 1,000 once in NFC
    "x".repeat(2000),
    "x".repeat(2001),
    "x".repeat(1_000_000),
  ),
  fc.integer().map(String),
  fc.double().map(String),
);
// Sometimes a valid value, so refusals are tested field by field and not only all at once.
const field = (valid: string[]) =>
  fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...valid) }, { weight: 2, arbitrary: nasty });

const count = (table: string) =>
  database(OWN_FILE).sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const operator = { name: "property test", trigger: "manual" } as const;

describe("the Record swap action", () => {
  it("answers any form with a clear error and writes nothing, or records exactly what was valid, in a config PyYAML reads", () => {
    const VALID = {
      agent: ["cio", "technical_analyst", "risk_analyst"],
      new_provider: ["claude", "gpt", "gemini", "perplexity"],
      new_model: ["gpt-5", "sonnet-4", "flash-2.5", "model-" + "x".repeat(20)],
      reason: ["Slower than the others", "비용 절감: 22%", "Costs <b>too</b> much; '; DROP TABLE trades; --"],
      expected_improvement: ["0.1", "-0.05", "1", "-1"],
      validation_period_days: ["7", "1", "90"],
      rollback_threshold: ["-0.1", "0"],
    };
    const names = Object.keys(VALID) as (keyof typeof VALID)[];
    const outcomes = { recorded: 0, refused: 0 };
    const configs: { text: string; agent: string; provider: string; model: string }[] = []; // read by PyYAML at the end, in one run
    fc.assert(
      fc.property(
        fc.record(
          Object.fromEntries(names.map((n) => [n, fc.constantFrom(...VALID[n])])) as {
            [K in keyof typeof VALID]: fc.Arbitrary<string>;
          },
        ),
        fc.dictionary(fc.constantFrom(...names), nasty, { maxKeys: 2 }), // up to two fields spoiled
        fc.array(fc.constantFrom(...Object.values(SWAP_FIELDS)), { maxLength: 2 }),
        (valid, spoiled, repeated) => {
          const form = new FormData();
          for (const name of names) form.append(name, spoiled[name] ?? valid[name]);
          for (const name of repeated) form.append(name, "repeated");
          form.append("triggered_by", "automatic"); // fields the server decides itself are ignored
          form.append("id", "1");
          form.set("request_id", crypto.randomUUID()); // a fresh form each time: idempotency is tested elsewhere
          const rows = count("model_evolution_history");
          const audit = count("agent_desk_swap_audit");
          const config = fs.readFileSync(configFile, "utf8");
          const outcome = recordSwap(readSwapForm(form), operator);
          if (!outcome.ok) {
            outcomes.refused++;
            expect(outcome.error).toMatch(/\S/);
            for (const message of Object.values(outcome.fieldErrors ?? {})) expect(message).toMatch(/^[^\n]{1,200}$/);
            expect(count("model_evolution_history")).toBe(rows);
            expect(count("agent_desk_swap_audit")).toBe(audit);
            expect(fs.readFileSync(configFile, "utf8")).toBe(config);
            return;
          }
          outcomes.recorded++;
          expect(count("model_evolution_history")).toBe(rows + 1);
          const stored = database(OWN_FILE)
            .sqlite.prepare("SELECT * FROM model_evolution_history ORDER BY id DESC LIMIT 1")
            .get() as Record<string, unknown>;
          expect(stored.triggered_by).toBe("manual");
          const asTyped = (name: string) => String(form.getAll(name).at(-1)).normalize("NFC").trim(); // stored as one Unicode form
          expect(stored.reason).toBe(asTyped("reason"));
          expect(stored.new_model).toBe(asTyped("new_model"));
          configs.push({
            text: fs.readFileSync(configFile, "utf8"),
            agent: String(stored.agent_name),
            provider: String(stored.new_provider),
            model: String(stored.new_model),
          });
        },
      ),
      // Every run: a name the trading system's PyYAML would read as "gpt -5".
      {
        numRuns: 200,
        examples: [
          [
            {
              agent: "cio",
              new_provider: "gpt",
              new_model: "gpt\u0085-5",
              reason: "Slower",
              expected_improvement: "0.1",
              validation_period_days: "7",
              rollback_threshold: "-0.1",
            },
            {},
            [],
          ],
        ],
      },
    );
    expect(outcomes.recorded).toBeGreaterThan(10);
    expect(outcomes.refused).toBeGreaterThan(10);
    if (!HAS_PYYAML) return;
    const dir = tempDir();
    const files = configs.map((_, i) => path.join(dir, `${i}.yaml`));
    configs.forEach(({ text }, i) => fs.writeFileSync(files[i]!, text));
    agentsPyYamlReads(files).forEach((agents, i) =>
      expect(agents[configs[i]!.agent]).toEqual([configs[i]!.provider, configs[i]!.model]),
    );
  });
});

describe("the Mark reviewed action", () => {
  it("answers any note and agent with a clear error and writes nothing, or stores the note as written", () => {
    fc.assert(
      fc.property(
        field(["cio", "flow_analyst"]),
        field(["Checked the prompts; swapping to sonnet-4.", "메모"]),
        (agent, note) => {
          const before = count("agent_desk_reviews");
          const outcome = markReviewed(agent, note, -0.2, "property test");
          if (!outcome.ok) {
            expect(outcome.error).toMatch(/^[^\n]{1,200}$/);
            expect(count("agent_desk_reviews")).toBe(before);
            return;
          }
          const stored = database(OWN_FILE)
            .sqlite.prepare("SELECT agent_name, note FROM agent_desk_reviews ORDER BY id DESC LIMIT 1")
            .get() as { agent_name: string; note: string };
          expect(stored).toEqual({ agent_name: agent, note: note.normalize("NFC").trim() });
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("every typed text written into the file", () => {
  // What no stored text may hold, listed here apart from lib/form-text.ts: controls (a line break only as LF or
  // CRLF), text-direction marks, embeddings, overrides and isolates, zero-width and other invisible characters, line
  // and paragraph separators, and halves of a surrogate pair.
  const SPOOFING =
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\r(?!\n)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uDB40[\uDC00-\uDC7F]/;
  const reasonOf = (id: number) =>
    database(OWN_FILE)
      .sqlite.prepare("SELECT reason FROM model_evolution_history WHERE id = ?")
      .pluck()
      .get(id) as string;
  /**
   * A swap of `agent`, valid but for what a test puts in: to a model it does not run now, nor ran before its latest
   * swap (going back to that would undo the latest swap, and count as a rollback).
   */
  const swapOf = (agent: string) => ({
    agent,
    provider: "gpt",
    model: ["gpt-5", "gpt-5-mini", "gpt-5-nano"].find(
      (m) =>
        m !== getAgentMapping(requestClock())[agent]!.model &&
        m !== getSwapLog(requestClock(), { agent, limit: 1 })[0]?.oldModel,
    ),
    reason: "property test",
    expectedImprovement: "0.1",
    validationDays: "7",
    rollbackThreshold: "-0.1",
    requestId: crypto.randomUUID(),
  });
  let toRollBack: { id: number; from: string; to: string } | null = null;

  type Answer = { error: string } | { stored: string };
  // Each field written on its own, everything else in its request valid: what it answers, and the text as stored.
  const FIELDS: {
    label: string;
    oneLine: boolean;
    blank: Answer;
    ready?: () => void;
    write: (typed: string) => Answer;
  }[] = [
    {
      label: "Reason",
      oneLine: false,
      blank: { error: "Reason is required" },
      write: (typed) => {
        const outcome = recordSwap({ ...swapOf("portfolio_rebalancer"), reason: typed }, operator);
        if (!outcome.ok) return { error: outcome.fieldErrors?.reason ?? outcome.error };
        return { stored: reasonOf(outcome.id) };
      },
    },
    {
      label: "Note", // a rollback's, which ends the rollback's reason
      oneLine: true,
      blank: { stored: "rolled back by an operator" },
      ready: () => {
        if (toRollBack) return; // still there: the last note was refused
        const swap = recordSwap(swapOf("fundamental_fetcher"), operator);
        if (!swap.ok) throw new Error(swap.error);
        toRollBack = swap;
      },
      write: (typed) => {
        const swap = toRollBack!;
        const outcome = rollbackSwap(swap.id, operator, { note: typed });
        if (!outcome.ok) return { error: outcome.error };
        toRollBack = null;
        const [prefix, reason] = [`Rollback of swap #${swap.id} (${swap.from} → ${swap.to}): `, reasonOf(outcome.id)];
        expect(reason.startsWith(prefix)).toBe(true);
        return { stored: reason.slice(prefix.length) };
      },
    },
    {
      label: "Review note",
      oneLine: false,
      blank: { error: "Write a note: what was found, and what was done" },
      write: (typed) => {
        const outcome = markReviewed("cio", typed, -0.2, operator.name);
        if (!outcome.ok) return { error: outcome.error };
        return {
          stored: database(OWN_FILE)
            .sqlite.prepare("SELECT note FROM agent_desk_reviews ORDER BY id DESC LIMIT 1")
            .pluck()
            .get() as string,
        };
      },
    },
  ];
  const written = () => ({
    rows: count("model_evolution_history"),
    audit: count("agent_desk_swap_audit"),
    reviews: count("agent_desk_reviews"),
    config: fs.readFileSync(configFile, "utf8"),
  });

  it("gives every field one answer for the same text: refused, naming the field and writing nothing, or stored exactly as typed, in NFC and trimmed", () => {
    const outcomes = { stored: 0, refused: 0 };
    fc.assert(
      fc.property(nasty, (typed) => {
        const text = typed.normalize("NFC").trim();
        const answers = FIELDS.map((field) => {
          field.ready?.();
          const before = written();
          const answer = field.write(typed);
          if ("error" in answer) {
            outcomes.refused++;
            expect(answer.error).toMatch(/^[^\n]{1,200}$/);
            if (text !== "") expect(answer.error.startsWith(`${field.label} `), answer.error).toBe(true);
            expect(written()).toEqual(before);
          } else {
            outcomes.stored++;
            if (text !== "") expect(answer.stored).toBe(text);
            expect(answer.stored).not.toMatch(SPOOFING);
            expect(answer.stored.length).toBeLessThanOrEqual(2000);
            if (field.oneLine) expect(answer.stored).not.toMatch(/[\r\n]/);
          }
          return answer;
        });
        if (text === "") {
          expect(answers).toEqual(FIELDS.map((f) => f.blank));
          return;
        }
        // One policy: the same answer, in the same words but the label, except that a one-line field refuses line
        // breaks.
        const [reason, note, review] = answers.map((answer, i) =>
          "error" in answer ? answer.error.slice(FIELDS[i]!.label.length) : "stored",
        );
        expect(review).toBe(reason);
        if (/[\r\n]/.test(text)) expect(note).not.toBe("stored");
        else expect(note).toBe(reason);
      }),
      { numRuns: 150 },
    );
    expect(outcomes.stored).toBeGreaterThan(30);
    expect(outcomes.refused).toBeGreaterThan(30);
  });
});

describe("every API parameter", () => {
  const ROUTES = { usage, breakdown, contribution, underperforming, performance, metrics, evolution };
  const NAMES = ["days", "min_trades", "threshold", "agent", "trigger", "status", "x"];

  it("answers 200 or a 400 that says what is wrong, never a crash or a stack", async () => {
    const config = fs.readFileSync(configFile, "utf8");
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(Object.keys(ROUTES) as (keyof typeof ROUTES)[])),
        fc.array(
          fc.tuple(
            fc.constantFrom(...NAMES),
            nasty.filter((v) => v.length < 5000),
          ),
          { maxLength: 4 },
        ),
        async (route, params) => {
          const url = new URL("http://localhost/api");
          for (const [name, value] of params) url.searchParams.append(name, value);
          const response = await ROUTES[route].GET(new Request(url));
          expect([200, 400]).toContain(response.status);
          const body = await response.json();
          if (response.status === 400) {
            expect(body.error).toMatch(/^[^\n]{1,300}$/);
            expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|\/work\/|node_modules|\.db\b/);
          }
        },
      ),
      { numRuns: 200 },
    );
    expect(fs.readFileSync(configFile, "utf8")).toBe(config); // reads never touch the agent config
  });
});
