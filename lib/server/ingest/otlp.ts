import { createHash } from "node:crypto";
import { z } from "zod";
import { canonicalModel } from "@/lib/model-names";
import type { PriceTable } from "@/lib/swap-cost";
import { llmCallRow, OTLP_ID_BASE, type SourceRow } from "@/lib/fleet/batch";
import { asDouble, asFixed64, asHex, asInt64, asString, fields, type Field } from "./protobuf-reader";

// OTLP/HTTP trace exports (protobuf or JSON) turned into LLM calls: any LangGraph app instrumented with
// OpenTelemetry shows up on a central desk without a SQLite file. A span is a call when it carries OpenTelemetry's
// GenAI attributes (gen_ai.*); every other span of the trace (graph steps, tools, HTTP) is left out, not refused.

type Value = string | number | boolean;
export type OtlpSpan = {
  traceId: string;
  spanId: string;
  name: string;
  startNs: bigint;
  endNs: bigint;
  attributes: Record<string, Value>;
  resource: Record<string, Value>;
  status: { code: number; message: string };
};

/** An export the desk cannot read at all (OTLP: 400, not to be retried). */
export class OtlpError extends Error {}

// ---- protobuf (opentelemetry/proto/collector/trace/v1/trace_service.proto and the messages it uses) ----

export function decodeOtlpProtobuf(body: Uint8Array): OtlpSpan[] {
  const spans: OtlpSpan[] = [];
  try {
    for (const resourceSpans of fields(body)) {
      if (resourceSpans.number !== 1 || resourceSpans.wire !== 2) continue;
      let resource: Record<string, Value> = {};
      const scopes: Field[] = [];
      for (const f of fields(resourceSpans.bytes)) {
        if (f.number === 1 && f.wire === 2) resource = attributesOf(f.bytes, 1);
        else if (f.number === 2 && f.wire === 2) scopes.push(f);
      }
      for (const scope of scopes)
        for (const f of fields(scope.bytes)) if (f.number === 2 && f.wire === 2) spans.push(spanOf(f.bytes, resource));
    }
  } catch (error) {
    throw new OtlpError(`the body is not an OTLP protobuf trace export: ${(error as Error).message}`);
  }
  return spans;
}

function spanOf(bytes: Uint8Array, resource: Record<string, Value>): OtlpSpan {
  const span: OtlpSpan = {
    traceId: "",
    spanId: "",
    name: "",
    startNs: 0n,
    endNs: 0n,
    attributes: {},
    resource,
    status: { code: 0, message: "" },
  };
  const keyValues: Field[] = [];
  for (const f of fields(bytes)) {
    if (f.number === 1 && f.wire === 2) span.traceId = asHex(f);
    else if (f.number === 2 && f.wire === 2) span.spanId = asHex(f);
    else if (f.number === 5 && f.wire === 2) span.name = asString(f);
    else if (f.number === 7 && f.wire === 1) span.startNs = asFixed64(f);
    else if (f.number === 8 && f.wire === 1) span.endNs = asFixed64(f);
    else if (f.number === 9 && f.wire === 2) keyValues.push(f);
    else if (f.number === 15 && f.wire === 2)
      for (const s of fields(f.bytes)) {
        if (s.number === 2 && s.wire === 2) span.status.message = asString(s);
        else if (s.number === 3 && s.wire === 0) span.status.code = Number(s.varint);
      }
  }
  for (const kv of keyValues) Object.assign(span.attributes, keyValueOf(kv.bytes));
  return span;
}

/** The KeyValues numbered `number` inside a message (Resource.attributes is 1). */
function attributesOf(bytes: Uint8Array, number: number): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const f of fields(bytes)) if (f.number === number && f.wire === 2) Object.assign(out, keyValueOf(f.bytes));
  return out;
}

function keyValueOf(bytes: Uint8Array): Record<string, Value> {
  let key = "";
  let value: Value | undefined;
  for (const f of fields(bytes)) {
    if (f.number === 1 && f.wire === 2) key = asString(f);
    else if (f.number === 2 && f.wire === 2)
      for (const v of fields(f.bytes)) {
        if (v.number === 1 && v.wire === 2) value = asString(v);
        else if (v.number === 2 && v.wire === 0) value = v.varint !== 0n;
        else if (v.number === 3 && v.wire === 0) value = Number(asInt64(v));
        else if (v.number === 4 && v.wire === 1) value = asDouble(v);
      }
  }
  return key && value !== undefined ? { [key]: value } : {};
}

// ---- JSON (the OTLP/JSON encoding: hex ids, 64-bit integers as strings or numbers, enums as integers) ----

const anyValue = z
  .object({
    stringValue: z.string().optional(),
    boolValue: z.boolean().optional(),
    intValue: z.union([z.string().regex(/^-?\d+$/), z.number().int()]).optional(),
    doubleValue: z.union([z.number(), z.string()]).optional(),
  })
  .loose();
const keyValues = z.array(z.object({ key: z.string(), value: anyValue.optional() }).loose()).optional();
const nanos = z.union([z.string().regex(/^\d+$/), z.number().int().min(0)]).optional();
const jsonExport = z
  .object({
    resourceSpans: z
      .array(
        z
          .object({
            resource: z.object({ attributes: keyValues }).loose().optional(),
            scopeSpans: z
              .array(
                z
                  .object({
                    spans: z
                      .array(
                        z
                          .object({
                            traceId: z.string().optional(),
                            spanId: z.string().optional(),
                            name: z.string().optional(),
                            startTimeUnixNano: nanos,
                            endTimeUnixNano: nanos,
                            attributes: keyValues,
                            status: z
                              .object({ code: z.number().int().optional(), message: z.string().optional() })
                              .loose()
                              .optional(),
                          })
                          .loose(),
                      )
                      .optional(),
                  })
                  .loose(),
              )
              .optional(),
          })
          .loose(),
      )
      .optional(),
  })
  .loose();

export function decodeOtlpJson(body: unknown): OtlpSpan[] {
  const parsed = jsonExport.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new OtlpError(`the body is not an OTLP/JSON trace export: ${issue.path.join(".")}: ${issue.message}`);
  }
  const attrs = (list: z.infer<typeof keyValues>) => {
    const out: Record<string, Value> = {};
    for (const { key, value } of list ?? []) {
      if (!value) continue;
      if (value.stringValue !== undefined) out[key] = value.stringValue;
      else if (value.boolValue !== undefined) out[key] = value.boolValue;
      else if (value.intValue !== undefined) out[key] = Number(value.intValue);
      else if (value.doubleValue !== undefined) out[key] = Number(value.doubleValue);
    }
    return out;
  };
  return (parsed.data.resourceSpans ?? []).flatMap((rs) => {
    const resource = attrs(rs.resource?.attributes);
    return (rs.scopeSpans ?? []).flatMap((ss) =>
      (ss.spans ?? []).map((s) => ({
        traceId: (s.traceId ?? "").toLowerCase(),
        spanId: (s.spanId ?? "").toLowerCase(),
        name: s.name ?? "",
        startNs: BigInt(s.startTimeUnixNano ?? 0),
        endNs: BigInt(s.endTimeUnixNano ?? 0),
        attributes: attrs(s.attributes),
        resource,
        status: { code: s.status?.code ?? 0, message: s.status?.message ?? "" },
      })),
    );
  });
}

// ---- spans to LLM calls ----

/** OpenTelemetry's provider names (gen_ai.provider.name, formerly gen_ai.system) as the trading system names them. */
const PROVIDERS: Record<string, string> = {
  anthropic: "claude",
  "aws.bedrock": "claude",
  openai: "gpt",
  "azure.ai.openai": "gpt",
  "gcp.gemini": "gemini",
  "gcp.vertex_ai": "gemini",
  "gcp.gen_ai": "gemini",
  gemini: "gemini",
  vertex_ai: "gemini",
  perplexity: "perplexity",
};

// The LangGraph node a span ran in: OpenInference and OpenLLMetry put it in different places.
const AGENT_KEYS = ["gen_ai.agent.name", "langgraph.node", "metadata.langgraph_node", "langgraph_node"];

export type SpanCall = { row: SourceRow<"llm_usage_log">; priced: boolean } | { problem: string };

/** The LLM call a GenAI span stands for; null for a span that is no LLM call. */
export function spanToCall(span: OtlpSpan, prices: PriceTable): SpanCall | null {
  const a = span.attributes;
  if (!Object.keys(a).some((key) => key.startsWith("gen_ai."))) return null;
  const text = (key: string) => (typeof a[key] === "string" && a[key] !== "" ? (a[key] as string) : undefined);
  const count = (...keys: string[]) => {
    for (const key of keys) if (typeof a[key] === "number" && Number.isFinite(a[key])) return a[key] as number;
    return 0;
  };
  if (!/^[0-9a-f]{32}$/.test(span.traceId) || !/^[0-9a-f]{16}$/.test(span.spanId))
    return { problem: `span '${span.name}' has no valid trace and span id` };
  if (span.startNs === 0n || span.endNs < span.startNs)
    return { problem: `span ${span.spanId} has no valid start and end` };
  const rawProvider = text("gen_ai.provider.name") ?? text("gen_ai.system") ?? "unknown";
  const model = text("gen_ai.request.model") ?? text("gen_ai.response.model") ?? "unknown";
  const input = count("gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens");
  const output = count("gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens");
  const price = prices[canonicalModel(model)];
  const given = a["gen_ai.usage.cost"];
  const cost =
    typeof given === "number" && Number.isFinite(given)
      ? given
      : price
        ? (input * price.input + output * price.output) / 1e6
        : 0;
  const failed = span.status.code === 2 || text("error.type") !== undefined;
  const agent =
    AGENT_KEYS.map(text).find(Boolean) ??
    (typeof span.resource["service.name"] === "string" ? (span.resource["service.name"] as string) : span.name);
  const startMs = Number(span.startNs / 1_000_000n);
  const candidate = {
    // The span's own identity, so an export sent again (the exporter retries) writes the same call, not another.
    id:
      OTLP_ID_BASE +
      parseInt(
        createHash("sha256")
          .update(span.traceId + span.spanId)
          .digest("hex")
          .slice(0, 13),
        16,
      ),
    timestamp: new Date(startMs).toISOString(),
    agent_name: agent,
    provider: PROVIDERS[rawProvider] ?? rawProvider,
    model,
    tokens_used: Math.round(input + output),
    cost_usd: cost,
    response_time_ms: Number(span.endNs - span.startNs) / 1e6,
    request_type: text("gen_ai.operation.name") ?? "chat",
    success: !failed,
    error_message: failed ? span.status.message || text("error.type") || "error" : null,
    created_at: null,
  };
  const checked = llmCallRow.safeParse(candidate);
  if (!checked.success)
    return {
      problem: `span ${span.spanId}: ${checked.error.issues[0]!.path.join(".")}: ${checked.error.issues[0]!.message}`,
    };
  return { row: checked.data, priced: typeof given === "number" || price !== undefined };
}
