import { zoneOffsetMs } from "@/lib/event-time";

/** `instant` as naive wall-clock text in `zone`, the way Python's datetime.now().isoformat() writes it. */
export function naiveIso(instant: number, zone: string, separator: "T" | " " = "T"): string {
  const iso = new Date(instant + zoneOffsetMs(instant, zone)).toISOString();
  const ms = instant % 1000;
  return `${iso.slice(0, 10)}${separator}${iso.slice(11, 19)}${ms ? `.${String(ms * 1000).padStart(6, "0")}` : ""}`;
}
