import { shipperState } from "@/db/central/shipper-state";
import { ingestRoute } from "@/lib/server/ingest/ingest-route";

export const dynamic = "force-dynamic";

/** Where the token's system stands on the central desk: a starting shipper continues from here. */
export function GET(request: Request) {
  return ingestRoute(request, async (pool, system) => {
    const state = await shipperState(pool, system);
    return Response.json({
      system,
      last_seq: state.lastSeq,
      watermarks: { llm_usage_log: state.callWatermark },
      known: state.known,
    });
  });
}
