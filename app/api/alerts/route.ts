import { alertsJson } from "@/app/api/_contract/alerts";
import { getActiveAlerts, getAlertHistory, getConfigAlertShare } from "@/db/queries/alerts";
import { requestClock } from "@/db/queries/request-clock";
import { jsonFrom } from "@/lib/api-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  const clock = requestClock();
  return jsonFrom(request, () =>
    alertsJson(getActiveAlerts(clock), getAlertHistory(200), {
      zone: clock.zone,
      configShare: getConfigAlertShare(),
    }),
  );
}
