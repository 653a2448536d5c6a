"use server";

import { redirect } from "next/navigation";
import { recordSwapRequest, systemAgents } from "@/db/central/swap-requests";
import { centralStore } from "@/db/central/store";
import { parseSwapInput, readSwapForm } from "@/db/commands/swap-input";
import { SYSTEM_NAME } from "@/lib/fleet/system-name";
import { sayInEnglish } from "@/lib/say";
import { currentOperator } from "@/lib/server/operator";

// The central desk's swap form: the swap is checked by the same rules as a local one and recorded for the system's
// shipper, which applies it to the trading file and its YAML with the local command and reports back. The page says
// what happened from the URL: the request's id, or the names of the fields that were wrong (never free text, so a
// link cannot make the page say anything).

export async function requestCentralSwapAction(form: FormData): Promise<void> {
  const system = String(form.get("system") ?? "");
  const pool = centralStore("pages");
  if (!pool || !SYSTEM_NAME.test(system)) redirect("/fleet");
  const back = (query: string) => redirect(`/fleet?system=${system}&${query}`);
  const operator = await currentOperator();
  if (!operator.ok) back("invalid=operator");
  const parsed = parseSwapInput(readSwapForm(form), sayInEnglish("evolution"));
  if (!parsed.ok) return back(`invalid=${Object.keys(parsed.fieldErrors).join(",")}`);
  const input = parsed.input;
  if (!(await systemAgents(pool!, system)).includes(input.agent)) return back("invalid=agent");
  await recordSwapRequest(pool!, system, {
    requestId: input.requestId,
    kind: "swap",
    agentName: input.agent,
    newProvider: input.provider,
    newModel: input.model,
    reason: input.reason,
    performanceImprovement: input.expectedImprovement,
    validationPeriodDays: input.validationDays,
    rollbackThreshold: input.rollbackThreshold,
    rollbackOf: null,
    requestedBy: operator.ok ? operator.name : "",
  });
  back(`requested=${input.requestId}`);
}
