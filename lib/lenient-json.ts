// Python's json.dumps writes NaN, Infinity and -Infinity, which JSON.parse rejects.
const NON_FINITE = /("(?:[^"\\]|\\.)*")|-?\bInfinity\b|\bNaN\b/g;

export type Parsed = { ok: true; value: unknown; nonFinite: boolean } | { ok: false };

/** Parses JSON as Python writes it: NaN/Infinity outside strings read as null (and flagged). */
export function parsePythonJson(text: string | null): Parsed {
  if (text === null) return { ok: true, value: null, nonFinite: false };
  try {
    return { ok: true, value: JSON.parse(text), nonFinite: false };
  } catch {
    let nonFinite = false;
    const cleaned = text.replace(NON_FINITE, (match, quoted: string | undefined) => {
      if (quoted !== undefined) return quoted;
      nonFinite = true;
      return "null";
    });
    try {
      return nonFinite ? { ok: true, value: JSON.parse(cleaned), nonFinite } : { ok: false };
    } catch {
      return { ok: false };
    }
  }
}

/**
 * The finite number under `key` of a JSON object as Python writes it (an agent's contribution to a trade), else null.
 */
export function numberAt(text: string | null, key: string): number | null {
  const parsed = parsePythonJson(text);
  const value =
    parsed.ok && parsed.value && typeof parsed.value === "object"
      ? (parsed.value as Record<string, unknown>)[key]
      : undefined;
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
