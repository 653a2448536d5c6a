/** `instant` as naive wall-clock text in `zone`, the way Python's datetime.now().isoformat() writes it. */
export function naiveIso(instant: number, zone: string, separator: "T" | " " = "T"): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const ms = instant % 1000;
  return `${get("year")}-${get("month")}-${get("day")}${separator}${get("hour")}:${get("minute")}:${get("second")}${ms ? `.${String(ms * 1000).padStart(6, "0")}` : ""}`;
}
