import { NextResponse, type NextRequest } from "next/server";
import { readConfig } from "@/lib/server/config";
import { contentSecurityPolicy } from "@/lib/server/content-security-policy";
import { isAcceptedHost } from "@/lib/server/network-settings";
import { SESSION_COOKIE } from "@/lib/server/session";
import { sessionStore } from "@/lib/server/session-store";

// The gate every page and API request passes first, before anything of the app runs.
// - Only requests addressed to this machine are answered (lib/server/network-settings.ts isAcceptedHost): any other
// Host
//   is a web page whose name was rebound to this machine (DNS rebinding) or a misdirected one, and gets 421. In
//   local mode (no DASHBOARD_PASSWORD) every request is the operator: 127.0.0.1, localhost, [::1] or ALLOWED_HOSTS.
// - With a password, every page and API path needs an open operator session (pages go to /login, the API answers
//   401), except /login itself, /api/health and /api/ingest/* (a shipper's bearer token, checked by those routes);
//   PUBLIC_DASHBOARD=on opens pages and the GET API read-only.
// Server actions check the operator again themselves (lib/server/operator.ts): this gate is for reading, not for trust.
// Every response also gets the content security policy with a fresh nonce (lib/server/content-security-policy.ts).

let settings: ReturnType<typeof readConfig> | undefined;
const desk = () => (settings ??= readConfig());

export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(Buffer.from(crypto.randomUUID()).toString("base64"));
  const pass = () => {
    // Next.js reads the nonce for its own scripts from the request's policy header.
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", policy);
    return withPolicy(NextResponse.next({ request: { headers } }), policy);
  };
  const { dashboardPassword, publicDashboard, allowedHosts, host } = desk();
  if (!isAcceptedHost(request.headers.get("host"), { allowedHosts, host, hasPassword: Boolean(dashboardPassword) })) {
    const names = dashboardPassword ? "its IP addresses, localhost" : "127.0.0.1, localhost or [::1]";
    const message = `421 Misdirected Request: Agent Desk answers only to ${names} or a name in ALLOWED_HOSTS\n`;
    return withPolicy(
      new NextResponse(message, { status: 421, headers: { "content-type": "text/plain; charset=utf-8" } }),
      policy,
    );
  }
  if (!dashboardPassword) return pass();
  const { pathname, search } = request.nextUrl;
  if (pathname === "/login" || pathname === "/api/health") return pass();
  // Shippers carry their own bearer token, checked by the ingestion routes against INGEST_TOKENS.
  if (pathname.startsWith("/api/ingest/")) return pass();
  if (sessionStore(desk()).verify(request.cookies.get(SESSION_COOKIE)?.value)) return pass();
  if (publicDashboard && (request.method === "GET" || request.method === "HEAD")) return pass();
  // A server action answers for itself: it refuses without a session, and sends no page data back then.
  if (request.method === "POST" && request.headers.has("next-action")) return pass();
  if (pathname.startsWith("/api/"))
    return withPolicy(
      NextResponse.json({ error: "sign in first: this dashboard needs an operator session" }, { status: 401 }),
      policy,
    );
  const login = new URL("/login", request.url);
  if (pathname + search !== "/") login.searchParams.set("next", pathname + search);
  return withPolicy(NextResponse.redirect(login, 303), policy);
}

function withPolicy(response: NextResponse, policy: string): NextResponse {
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
