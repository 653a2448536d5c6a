import { fleetJson } from "@/app/api/_contract/fleet";
import { API_DAYS } from "@/app/api/_contract/period";
import { readReviewSearch } from "@/app/(dashboard)/review/search-params";
import { fleetSystemNames, getFleetOverview } from "@/db/central/fleet-overview";
import { centralStore } from "@/db/central/store";
import { requestClock } from "@/db/queries/request-clock";
import { ParamError, textParam } from "@/lib/api-params";
import { periodParam } from "@/lib/period-params";

export const dynamic = "force-dynamic";

/** Every system on the central desk (or `?system=NAME`), over `?days=N` or `?from&to` (30 days by default). */
export async function GET(request: Request) {
  const pool = centralStore("pages");
  if (!pool)
    return Response.json(
      { error: "this desk is not a central desk: set DATABASE_URL to run a fleet" },
      { status: 404 },
    );
  const params = new URL(request.url).searchParams;
  const clock = requestClock();
  let period;
  let system: string | undefined;
  try {
    period = periodParam(params, API_DAYS.other, clock);
    system = textParam(params, "system");
  } catch (error) {
    if (error instanceof ParamError) return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
  try {
    if (system !== undefined && !(await fleetSystemNames(pool)).includes(system))
      return Response.json({ error: `there is no system '${system}' on this desk` }, { status: 404 });
    const { period: reviewPeriod, minTrades, threshold } = readReviewSearch({}, clock);
    const systems = await getFleetOverview(pool, clock, period, { period: reviewPeriod, minTrades, threshold }, system);
    return Response.json(fleetJson(systems, period.days));
  } catch (error) {
    console.error(`/api/fleet: ${(error as Error).message}`);
    return Response.json(
      { error: "the central store is unavailable" },
      { status: 503, headers: { "retry-after": "5" } },
    );
  }
}
