import { NextResponse, type NextRequest } from "next/server";
import { readConfig } from "@/lib/config";
import { contentSecurityPolicy } from "@/lib/content-security-policy";
import { SESSION_COOKIE, verifySession } from "@/lib/session";
import { sessionSecret } from "@/lib/session-secret";

// With DASHBOARD_PASSWORD set, every page and API path needs a signed-in operator (pages go to /login, the API
// answers 401), except /login itself and /api/health; PUBLIC_DASHBOARD=on opens pages and the GET API read-only.
// Server actions check the operator again themselves (lib/operator.ts): this gate is for reading, not for trust.
// Every response also gets the content security policy with a fresh nonce (lib/content-security-policy.ts).

let settings: { password: boolean; public: boolean; secret: string } | undefined;
function access() {
  if (!settings) {
    const config = readConfig();
    settings = { password: Boolean(config.dashboardPassword), public: config.publicDashboard, secret: config.dashboardPassword ? sessionSecret(config) : "" };
  }
  return settings;
}

export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(Buffer.from(crypto.randomUUID()).toString("base64"));
  const pass = () => {
    // Next.js reads the nonce for its own scripts from the request's policy header.
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", policy);
    return withPolicy(NextResponse.next({ request: { headers } }), policy);
  };
  const { password, public: open, secret } = access();
  if (!password) return pass();
  const { pathname, search } = request.nextUrl;
  if (pathname === "/login" || pathname === "/api/health") return pass();
  if (verifySession(request.cookies.get(SESSION_COOKIE)?.value, secret)) return pass();
  if (open && (request.method === "GET" || request.method === "HEAD")) return pass();
  // A server action answers for itself: it refuses without a session, and sends no page data back then.
  if (request.method === "POST" && request.headers.has("next-action")) return pass();
  if (pathname.startsWith("/api/")) return withPolicy(NextResponse.json({ error: "sign in first: this dashboard needs an operator session" }, { status: 401 }), policy);
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
