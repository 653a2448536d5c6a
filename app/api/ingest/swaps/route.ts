import { z } from "zod";
import { acknowledgeSwapRequest, pendingSwapRequests } from "@/db/central/swap-requests";
import { describeProblem } from "@/lib/fleet/batch";
import { IngestRefused, readBody } from "@/lib/server/ingest/ingest-request";
import { ingestRoute } from "@/lib/server/ingest/ingest-route";

export const dynamic = "force-dynamic";

/** The swaps and rollbacks operators recorded for the token's system that its shipper has not applied yet. */
export function GET(request: Request) {
  return ingestRoute(request, async (pool, system) =>
    Response.json({ system, requests: await pendingSwapRequests(pool, system) }),
  );
}

const ackSchema = z.strictObject({
  request_id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  outcome: z.string().min(1).max(2000),
  history_id: z.number().int().min(1).nullable(),
});

/** The shipper's acknowledgement of one request: what the local desk made of it. */
export function POST(request: Request) {
  return ingestRoute(request, async (pool, system) => {
    let json: unknown;
    try {
      json = JSON.parse((await readBody(request)).toString("utf8"));
    } catch {
      throw new IngestRefused(400, "the body is not JSON");
    }
    const parsed = ackSchema.safeParse(json);
    if (!parsed.success) throw new IngestRefused(400, describeProblem(parsed.error));
    const { request_id: requestId, outcome, history_id: historyId } = parsed.data;
    const first = await acknowledgeSwapRequest(pool, system, { requestId, outcome, historyId });
    return Response.json({ system, request_id: requestId, acknowledged: first });
  });
}
