import { COUNTING_DIGEST } from "@/lib/counting-in-progress";
/** A query parameter that is wrong, said in words for the API's 400 `{error}`. */
export class ParamError extends Error {}

export function intParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const values = params.getAll(name);
  if (values.length === 0) return fallback;
  if (values.length > 1) throw new ParamError(`${name} is given ${values.length} times; give it once`);
  const raw = values[0]!;
  if (!/^-?\d+$/.test(raw)) throw new ParamError(`${name} must be a whole number, not '${clip(raw)}'`);
  const value = Number(raw);
  if (value < min || value > max) throw new ParamError(`${name} must be between ${min} and ${max}, not ${clip(raw)}`);
  return value;
}

export function numberParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const values = params.getAll(name);
  if (values.length === 0) return fallback;
  if (values.length > 1) throw new ParamError(`${name} is given ${values.length} times; give it once`);
  const raw = values[0]!;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value))
    throw new ParamError(`${name} must be a number, not '${clip(raw)}'`);
  if (value < min || value > max) throw new ParamError(`${name} must be between ${min} and ${max}, not ${clip(raw)}`);
  return value;
}

/**
 * An optional calendar date as `YYYY-MM-DD` (a real one: not 2026-02-30), 1970 to 9998 (the day after the last
 * must still have a four-digit year); empty counts as absent, as an empty date field of a form sends it.
 */
export function dateParam(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw new ParamError(`${name} is given ${values.length} times; give it once`);
  const value = values[0];
  if (value === undefined || value === "") return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  const real = !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(value);
  if (!real || value < "1970" || value > "9999")
    throw new ParamError(`${name} must be a calendar date as YYYY-MM-DD (1970 to 9998), not '${clip(value)}'`);
  return value;
}

/** An optional text filter such as `agent`; empty counts as absent. */
export function textParam(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw new ParamError(`${name} is given ${values.length} times; give it once`);
  const value = values[0];
  if (value === undefined || value === "") return undefined;
  if (value.length > 200) throw new ParamError(`${name} is too long (${value.length} characters; at most 200)`);
  return value;
}

/** Answers a GET: 400 with `{error}` for a bad parameter, else the body as JSON. */
export function jsonFrom(request: Request, read: (params: URLSearchParams) => unknown): Response {
  try {
    return Response.json(read(new URL(request.url).searchParams));
  } catch (error) {
    if (error instanceof ParamError) return Response.json({ error: error.message }, { status: 400 });
    if ((error as Error).name === "SystemNotFound")
      return Response.json({ error: (error as Error).message }, { status: 404 });
    // The file is gone for now (never say where it lives): try again once it is back.
    if ((error as { code?: unknown }).code === "ENOENT")
      return Response.json({ error: "the database file is missing" }, { status: 503 });
    // A file just adopted is counted newest first: this period is not reached yet, and will be within seconds.
    if ((error as { digest?: unknown }).digest === COUNTING_DIGEST) {
      return Response.json(
        { error: "this period is still being counted; try again shortly" },
        { status: 503, headers: { "Retry-After": "5" } },
      );
    }
    throw error;
  }
}

function clip(text: string): string {
  const safe = text.replace(/[^\x20-\x7e]/g, "?");
  return safe.length > 40 ? `${safe.slice(0, 40)}…` : safe;
}
