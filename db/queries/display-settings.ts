import "server-only";
import { appConfig } from "@/db";

/** How pages show times and money: the data's time zone and the account currency. */
export function getDisplaySettings() {
  const { dataTimeZone, pnlCurrency } = appConfig();
  return { dataTimeZone, pnlCurrency };
}
