import { ingestBatch } from "@/db/central/ingest";
import { appConfig } from "@/db/index";
import { MAX_BATCH_ROWS, type SourceRow } from "@/lib/fleet/batch";
import { decodeOtlpJson, decodeOtlpProtobuf, OtlpError, spanToCall, type OtlpSpan } from "@/lib/server/ingest/otlp";
import { IngestRefused, readBody } from "@/lib/server/ingest/ingest-request";
import { ingestRoute } from "@/lib/server/ingest/ingest-route";
import { readLlmPrices } from "@/lib/server/llm-prices";

export const dynamic = "force-dynamic";

/**
 * OTLP/HTTP traces (protobuf or JSON, gzip or not), as an OpenTelemetry exporter sends them to `…/v1/traces`: the
 * GenAI spans become LLM calls of the token's system; the answer is OTLP's ExportTraceServiceResponse, with
 * partial success naming how many GenAI spans could not be kept and why.
 */
export function POST(request: Request) {
  return ingestRoute(request, async (pool, system) => {
    const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const protobuf = type === "application/x-protobuf";
    if (!protobuf && type !== "application/json")
      throw new IngestRefused(415, "send OTLP traces as application/x-protobuf or application/json");
    const body = await readBody(request);
    let spans: OtlpSpan[];
    try {
      spans = protobuf ? decodeOtlpProtobuf(body) : decodeOtlpJson(JSON.parse(body.toString("utf8")));
    } catch (error) {
      if (error instanceof OtlpError) throw new IngestRefused(400, error.message);
      throw new IngestRefused(400, "the body is not JSON");
    }
    let prices = {};
    try {
      prices = readLlmPrices(appConfig().llmPricesPath);
    } catch {
      // No price file: calls without a cost of their own count as free, as a call of an unpriced model does.
    }
    const calls: SourceRow<"llm_usage_log">[] = [];
    const problems: string[] = [];
    for (const span of spans) {
      const call = spanToCall(span, prices);
      if (call === null) continue;
      if ("problem" in call) problems.push(call.problem);
      else calls.push(call.row);
    }
    for (let at = 0; at < calls.length; at += MAX_BATCH_ROWS)
      await ingestBatch(
        pool,
        system,
        { seq: 1, rows: { llm_usage_log: calls.slice(at, at + MAX_BATCH_ROWS) }, deleted: {} },
        { sequenced: false },
      );
    return exportResponse(protobuf, problems);
  });
}

/** ExportTraceServiceResponse: empty when every GenAI span was kept, else partial_success (field 1). */
function exportResponse(protobuf: boolean, problems: string[]): Response {
  const message = problems.length
    ? `${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}`
    : "";
  if (!protobuf)
    return Response.json(
      problems.length ? { partialSuccess: { rejectedSpans: String(problems.length), errorMessage: message } } : {},
    );
  if (!problems.length)
    return new Response(new Uint8Array(0), { headers: { "content-type": "application/x-protobuf" } });
  const text = Buffer.from(message, "utf8");
  const partial = Buffer.concat([
    Buffer.from([0x08]),
    varint(problems.length),
    Buffer.from([0x12]),
    varint(text.length),
    text,
  ]);
  return new Response(new Uint8Array(Buffer.concat([Buffer.from([0x0a]), varint(partial.length), partial])), {
    headers: { "content-type": "application/x-protobuf" },
  });
}

function varint(value: number): Buffer {
  const bytes: number[] = [];
  do {
    bytes.push((value & 0x7f) | (value > 0x7f ? 0x80 : 0));
    value = Math.floor(value / 128);
  } while (value > 0);
  return Buffer.from(bytes);
}
