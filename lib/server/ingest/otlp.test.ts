import { SpanStatusCode } from "@opentelemetry/api";
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { Resource } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { hourKey } from "@/db/central/hour-key";
import { OTLP_ID_BASE } from "@/lib/fleet/batch";
import { decodeOtlpJson, decodeOtlpProtobuf, OtlpError, spanToCall } from "./otlp";

// OTLP exports as OpenTelemetry's own JavaScript SDK encodes them (protobuf and JSON), read back into LLM calls.

function exportedSpans() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: new Resource({ "service.name": "us-equities-graph" }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("langgraph");
  const start = Date.UTC(2026, 11, 1, 23, 59, 59, 500);
  const graph = tracer.startSpan("LangGraph", { startTime: start });
  graph.end(start + 5000);
  const chat = tracer.startSpan("chat opus-4.1", {
    startTime: start,
    attributes: {
      "gen_ai.provider.name": "anthropic",
      "gen_ai.operation.name": "chat",
      "gen_ai.request.model": "claude-opus-4-1-20250805",
      "gen_ai.usage.input_tokens": 1200,
      "gen_ai.usage.output_tokens": 300,
      "metadata.langgraph_node": "technical_analyst",
    },
  });
  chat.end(start + 1834);
  const failed = tracer.startSpan("chat gpt-5", {
    startTime: start + 100,
    attributes: {
      "gen_ai.system": "openai",
      "gen_ai.request.model": "gpt-5",
      "gen_ai.usage.input_tokens": 10,
      "gen_ai.usage.cost": 0.25,
      "gen_ai.agent.name": "cio",
    },
  });
  failed.setStatus({ code: SpanStatusCode.ERROR, message: "Error code: 529 - overloaded" });
  failed.end(start + 400);
  return exporter.getFinishedSpans();
}

const PRICES = { "opus-4.1": { input: 20, output: 80 } };

describe("OTLP trace exports", () => {
  const spans = exportedSpans();
  const fromProtobuf = decodeOtlpProtobuf(ProtobufTraceSerializer.serializeRequest(spans)!);
  const fromJson = decodeOtlpJson(JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)!)));

  it("reads the same spans from protobuf and from JSON", () => {
    expect(fromProtobuf).toHaveLength(3);
    expect(fromJson).toEqual(fromProtobuf);
  });

  it("turns GenAI spans into LLM calls and leaves the graph's own span out", () => {
    const calls = fromProtobuf.map((span) => spanToCall(span, PRICES));
    expect(calls[0]).toBeNull();
    expect(calls[1]).toEqual({
      priced: true,
      row: {
        id: expect.any(Number),
        timestamp: "2026-12-01T23:59:59.500Z",
        agent_name: "technical_analyst",
        provider: "claude",
        model: "claude-opus-4-1-20250805",
        tokens_used: 1500,
        cost_usd: (1200 * 20 + 300 * 80) / 1e6,
        response_time_ms: 1834,
        request_type: "chat",
        success: true,
        error_message: null,
        created_at: null,
      },
    });
    expect(calls[2]).toMatchObject({
      priced: true,
      row: {
        agent_name: "cio",
        provider: "gpt",
        cost_usd: 0.25,
        success: false,
        error_message: "Error code: 529 - overloaded",
      },
    });
    const row = (calls[1] as { row: { id: number; timestamp: string } }).row;
    expect(row.id).toBeGreaterThanOrEqual(OTLP_ID_BASE);
    expect(row.id).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
    // A UTC time: counted in its UTC hour, as the local desk counts a time written with Z.
    expect(hourKey(row.timestamp)).toBe("U2026-12-01T23");
  });

  it("keys a span by its ids, so an export sent again writes the same calls", () => {
    const again = decodeOtlpProtobuf(ProtobufTraceSerializer.serializeRequest(spans)!).map((s) =>
      spanToCall(s, PRICES),
    );
    expect(again).toEqual(fromProtobuf.map((s) => spanToCall(s, PRICES)));
  });

  it("refuses a body that is not an export, naming why", () => {
    expect(() => decodeOtlpProtobuf(new Uint8Array([0x0a, 0x05, 0x01]))).toThrow(OtlpError);
    expect(() => decodeOtlpJson({ resourceSpans: "everything" })).toThrow(/resourceSpans: /);
  });
});
