import { alertsJson } from "@/app/api/_contract/alerts";
import { getActiveAlerts, getAlertHistory, getConfigAlertShare } from "@/db/queries/alerts";
import { apiClock } from "@/db/queries/request-clock";
import { jsonFrom } from "@/lib/api-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) => {
    const clock = apiClock(params, { ownFile: "optional" });
    return alertsJson(getActiveAlerts(clock), getAlertHistory(200), {
      zone: clock.zone,
      configShare: getConfigAlertShare(),
    });
  });
}
