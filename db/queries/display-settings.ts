import "server-only";
import { appConfig } from "@/db";

/** How pages show money: the account currency (times are shown in the request clock's zone: requestClock()). */
export function getDisplaySettings() {
  const { pnlCurrency } = appConfig();
  return { pnlCurrency };
}
