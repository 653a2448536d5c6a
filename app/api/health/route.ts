import { getHealth } from "@/db/queries/health";

export const dynamic = "force-dynamic";

export function GET() {
  try {
    return Response.json({ status: "ok", ...getHealth() });
  } catch (error) {
    // Say what kind of failure it is, never where the file lives.
    const code = (error as { code?: string }).code;
    return Response.json({ status: "error", error: code ? `database unreadable (${code})` : "database unreadable" }, { status: 503 });
  }
}
