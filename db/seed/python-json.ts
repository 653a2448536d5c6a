export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * `json.dumps(value, ensure_ascii=False)` as the trading system writes it: `", "` and `": "` separators, raw
 * UTF-8 text, and NaN/Infinity as bare words (which JSON.parse rejects, as real files make readers handle).
 */
export function pythonJson(value: JsonValue): string {
  if (value === null) return "null";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
    return String(value);
  }
  if (typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(", ")}]`;
  return `{${Object.entries(value)
    .map(([key, item]) => `${JSON.stringify(key)}: ${pythonJson(item)}`)
    .join(", ")}}`;
}

/** The trading system stores None and `{}` alike as NULL. */
export function pythonJsonOrNull(value: { [key: string]: JsonValue } | null): string | null {
  return value === null || Object.keys(value).length === 0 ? null : pythonJson(value);
}
