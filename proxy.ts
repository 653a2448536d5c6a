import { NextResponse, type NextRequest } from "next/server";
import { readConfig } from "@/lib/config";
import { SESSION_COOKIE, verifySession } from "@/lib/session";
import { sessionSecret } from "@/lib/session-secret";

// With DASHBOARD_PASSWORD set, every page and API path needs a signed-in operator (pages go to /login, the API
// answers 401), except /login itself and /api/health; PUBLIC_DASHBOARD=on opens pages and the GET API read-only.
// Server actions check the operator again themselves (lib/operator.ts): this gate is for reading, not for trust.

let settings: { password: boolean; public: boolean; secret: string } | undefined;
function access() {
  if (!settings) {
    const config = readConfig();
    settings = { password: Boolean(config.dashboardPassword), public: config.publicDashboard, secret: config.dashboardPassword ? sessionSecret(config) : "" };
  }
  return settings;
}

export function proxy(request: NextRequest) {
  const { password, public: open, secret } = access();
  if (!password) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  if (pathname === "/login" || pathname === "/api/health") return NextResponse.next();
  if (verifySession(request.cookies.get(SESSION_COOKIE)?.value, secret)) return NextResponse.next();
  if (open && (request.method === "GET" || request.method === "HEAD")) return NextResponse.next();
  // A server action answers for itself: it refuses without a session, and sends no page data back then.
  if (request.method === "POST" && request.headers.has("next-action")) return NextResponse.next();
  if (pathname.startsWith("/api/")) return NextResponse.json({ error: "sign in first: this dashboard needs an operator session" }, { status: 401 });
  const login = new URL("/login", request.url);
  if (pathname + search !== "/") login.searchParams.set("next", pathname + search);
  return NextResponse.redirect(login, 303);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
