import { healthJson } from "@/app/api/_contract/system";
import { getHealth } from "@/db/queries/health";
import { apiClock } from "@/db/queries/request-clock";
import { jsonFrom } from "@/lib/api-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  try {
    // A bad or unknown `system` answers 400 or 404; an unreadable file 503, below.
    return jsonFrom(request, (params) => healthJson(getHealth(apiClock(params, { ownFile: "optional" }))));
  } catch (error) {
    // Say what kind of failure it is, never where the file lives.
    const code = (error as { code?: string }).code;
    return Response.json(
      { status: "error", error: code ? `database unreadable (${code})` : "database unreadable" },
      { status: 503 },
    );
  }
}
