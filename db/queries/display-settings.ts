import "server-only";
import { database } from "@/db";

/** How pages show times and money: the data's time zone and the account currency. */
export function getDisplaySettings() {
  const { dataTimeZone, pnlCurrency } = database().config;
  return { dataTimeZone, pnlCurrency };
}
