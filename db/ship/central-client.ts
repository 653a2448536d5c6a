import { gzipSync } from "node:zlib";
import type { SwapRequest } from "@/db/central/swap-requests";
import type { Batch } from "@/lib/fleet/batch";

// The shipper's side of the ingestion API (app/api/ingest/*): every request carries the system's token and names
// the system, so a token of another system is refused (403) instead of writing under the wrong name.

/** The central desk refused for a reason retrying cannot fix (a wrong token, a batch it cannot read). */
export class CentralRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The central desk could not be reached or was unavailable: try again later. */
export class CentralUnavailable extends Error {}

export type CentralClient = ReturnType<typeof centralClient>;

export function centralClient({ to, system, token }: { to: string; system: string; token: string }) {
  const url = (path: string) => `${to.replace(/\/$/, "")}/api/ingest/${path}?system=${encodeURIComponent(system)}`;
  async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "application/json" };
    let payload: Uint8Array<ArrayBuffer> | undefined;
    if (body !== undefined) {
      // The fastest level: on the trading host CPU matters more than a few more bytes on the wire.
      payload = new Uint8Array(gzipSync(JSON.stringify(body), { level: 1 }));
      headers["content-type"] = "application/json";
      headers["content-encoding"] = "gzip";
    }
    let response: Response;
    try {
      response = await fetch(url(path), {
        method,
        headers,
        body: payload,
        redirect: "error",
        signal: AbortSignal.timeout(60_000),
      });
    } catch (error) {
      throw new CentralUnavailable(`${to} cannot be reached: ${(error as Error).cause ?? (error as Error).message}`);
    }
    const text = await response.text().catch(() => "");
    // 409: a batch out of sequence, answered with where the store stands.
    if (response.ok || response.status === 409) return JSON.parse(text) as T;
    const said = (() => {
      try {
        return (JSON.parse(text) as { error?: string }).error ?? text;
      } catch {
        return text.slice(0, 200);
      }
    })();
    if (response.status >= 500 || response.status === 429 || response.status === 408)
      throw new CentralUnavailable(`${to} answered ${response.status}: ${said}`);
    throw new CentralRefused(response.status, `${to} answered ${response.status}: ${said}`);
  }
  return {
    state: () =>
      call<{ last_seq: number; watermarks: { llm_usage_log: number }; known: Record<string, string[]> }>(
        "GET",
        "state",
      ),
    send: (batch: Batch) => call<{ applied: boolean; written?: number; last_seq?: number }>("POST", "batch", batch),
    swapRequests: () => call<{ requests: SwapRequest[] }>("GET", "swaps"),
    acknowledge: (ack: { request_id: string; outcome: string; history_id: number | null }) =>
      call<{ acknowledged: boolean }>("POST", "swaps", { ...ack, outcome: ack.outcome.slice(0, 2000) }),
  };
}
