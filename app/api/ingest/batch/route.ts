import { ingestBatch } from "@/db/central/ingest";
import { batchRowCount, batchSchema, describeProblem, MAX_BATCH_ROWS } from "@/lib/fleet/batch";
import { IngestRefused, readBody } from "@/lib/server/ingest/ingest-request";
import { ingestRoute } from "@/lib/server/ingest/ingest-route";

export const dynamic = "force-dynamic";

/** A shipper's batch (lib/fleet/batch.ts): applied whole or not at all, and only as the system's next number (409). */
export function POST(request: Request) {
  return ingestRoute(request, async (pool, system) => {
    const body = await readBody(request);
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      throw new IngestRefused(400, "the body is not JSON");
    }
    const parsed = batchSchema.safeParse(json);
    if (!parsed.success) throw new IngestRefused(400, describeProblem(parsed.error));
    if (batchRowCount(parsed.data) > MAX_BATCH_ROWS)
      throw new IngestRefused(413, `a batch holds at most ${MAX_BATCH_ROWS} rows`);
    const result = await ingestBatch(pool, system, parsed.data);
    if (result.applied)
      return Response.json({
        system,
        seq: parsed.data.seq,
        applied: true,
        written: result.written,
        deleted: result.deleted,
      });
    // The shipper asks /api/ingest/state where the store stands and continues from there.
    return Response.json(
      { system, seq: parsed.data.seq, applied: false, reason: result.reason, last_seq: result.lastSeq },
      { status: 409 },
    );
  });
}
