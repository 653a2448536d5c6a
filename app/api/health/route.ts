import { healthJson } from "@/app/api/_contract/system";
import { getHealth } from "@/db/queries/health";
import { requestClock } from "@/db/queries/request-clock";

export const dynamic = "force-dynamic";

export function GET() {
  try {
    return Response.json(healthJson(getHealth(requestClock())));
  } catch (error) {
    // Say what kind of failure it is, never where the file lives.
    const code = (error as { code?: string }).code;
    return Response.json(
      { status: "error", error: code ? `database unreadable (${code})` : "database unreadable" },
      { status: 503 },
    );
  }
}
