import { timingSafeEqual } from "node:crypto";
import { gunzipSync } from "node:zlib";
import type { Config } from "../config";

// What every ingestion request goes through before its body is read: a central desk, a bearer token bound to one
// system, the system the URL names (if any) being that one, and a body of bounded size (compressed and not).

/** A compressed or plain body larger than this answers 413; a shipper sends batches well under it. */
export const MAX_BODY_BYTES = 8 * 2 ** 20;
/** A gzip body may not inflate past this (a small "zip bomb" would otherwise fill the memory). */
export const MAX_INFLATED_BYTES = 64 * 2 ** 20;

export class IngestRefused extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
  response(): Response {
    const headers: Record<string, string> = {};
    if (this.status === 401) headers["www-authenticate"] = 'Bearer realm="agent-desk-ingest"';
    return Response.json({ error: this.message }, { status: this.status, headers });
  }
}

/** The system the request's token writes for; throws IngestRefused (401, 403, 404) otherwise. */
export function authorizedSystem(request: Request, config: Config): string {
  if (!config.databaseUrl)
    throw new IngestRefused(404, "this desk is not a central desk: set DATABASE_URL to take shipped rows");
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new IngestRefused(401, "send the system's token as 'Authorization: Bearer <token>'");
  const given = Buffer.from(match[1]!);
  // Every secret is compared, in constant time, so the answer's timing says nothing about which one came close.
  let system: string | undefined;
  for (const token of config.ingestTokens) {
    const secret = Buffer.from(token.secret);
    if (secret.length === given.length && timingSafeEqual(secret, given)) system = token.system;
  }
  if (!system) throw new IngestRefused(401, "the token is not one of INGEST_TOKENS");
  const named = new URL(request.url).searchParams.get("system");
  if (named !== null && named !== system)
    throw new IngestRefused(403, `this token writes for '${system}', not for '${named}'`);
  return system;
}

/** The request's body, inflated when it is gzip, within the limits above. */
export async function readBody(request: Request): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(Buffer.from(value));
    }
  }
  const body = Buffer.concat(chunks);
  const encoding = (request.headers.get("content-encoding") ?? "identity").toLowerCase();
  if (encoding === "identity") return body;
  if (encoding !== "gzip") throw new IngestRefused(415, `Content-Encoding '${encoding}' is not gzip`);
  try {
    return gunzipSync(body, { maxOutputLength: MAX_INFLATED_BYTES });
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge();
    throw new IngestRefused(400, "the body is not valid gzip");
  }
}

const tooLarge = () =>
  new IngestRefused(
    413,
    `the batch is larger than ${MAX_BODY_BYTES / 2 ** 20} MiB (${MAX_INFLATED_BYTES / 2 ** 20} MiB uncompressed): send fewer rows at a time`,
  );
