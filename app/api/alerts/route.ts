import { alertsJson } from "@/app/api/_contract/alerts";
import { appConfig } from "@/db";
import { getActiveAlerts, getAlertHistory } from "@/db/queries/alerts";
import { requestClock } from "@/db/queries/request-clock";
import { jsonFrom } from "@/lib/api-params";
import { loadAgentConfig } from "@/lib/server/agent-config";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  const clock = requestClock();
  return jsonFrom(request, () =>
    alertsJson(getActiveAlerts(clock), getAlertHistory(200), {
      zone: clock.zone,
      configShare: loadAgentConfig(appConfig().agentConfigPath).costAlertThreshold,
    }),
  );
}
