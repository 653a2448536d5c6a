import type { IncomingHttpHeaders } from "node:http";
import { clientAddress, fromTrustedProxy } from "./client-address";
import type { TrustedProxy } from "./network-settings";

// What the app may believe about where a request came from is settled once, at the front of the server
// (scripts/server.ts), from the socket: Next.js keeps any X-Forwarded-* header a client wrote, so the app never
// reads one the front did not write itself. The front marks each request with a per-process token; a request
// without it (a server started some other way) has no known client.

export const FRONT_HEADER = "x-agent-desk-front";
const FORWARDED = [
  "x-forwarded-for",
  "x-forwarded-proto",
  "x-forwarded-host",
  "x-forwarded-port",
  "forwarded",
  "x-real-ip",
  FRONT_HEADER,
];

type Socket = { remoteAddress?: string | undefined; encrypted?: boolean };

/** Rewrites the request's forwarding headers in place: one client address, the real scheme, and the front's mark. */
export function settleForwardedHeaders(
  headers: IncomingHttpHeaders,
  socket: Socket,
  trusted: TrustedProxy | undefined,
  frontToken: string,
): void {
  const socketAddress = socket.remoteAddress ?? "unknown";
  const proxied = fromTrustedProxy(socketAddress, trusted);
  const client = clientAddress(socketAddress, proxied ? headers["x-forwarded-for"] : undefined, trusted);
  const forwardedProto = first(headers["x-forwarded-proto"]);
  const proto =
    proxied && (forwardedProto === "https" || forwardedProto === "http")
      ? forwardedProto
      : socket.encrypted
        ? "https"
        : "http";
  const forwardedHost = proxied ? first(headers["x-forwarded-host"]) : undefined;
  for (const name of FORWARDED) delete headers[name];
  headers["x-forwarded-for"] = client;
  headers["x-forwarded-proto"] = proto;
  if (forwardedHost) headers["x-forwarded-host"] = forwardedHost; // else Next.js sets it from Host
  headers[FRONT_HEADER] = frontToken;
}

/** Where a request came from, as the front settled it: its client address and whether it arrived over TLS. */
export function requestOrigin(
  headers: Pick<Headers, "get">,
  frontToken = process.env.AGENT_DESK_FRONT,
): { client: string; secure: boolean } {
  if (!frontToken || headers.get(FRONT_HEADER) !== frontToken) return { client: "unknown", secure: false };
  return { client: headers.get("x-forwarded-for") ?? "unknown", secure: headers.get("x-forwarded-proto") === "https" };
}

function first(value: string | string[] | undefined): string | undefined {
  return [value ?? []].flat().join(",").split(",")[0]?.trim().toLowerCase() || undefined;
}
