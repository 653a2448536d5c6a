import "server-only";
import type pg from "pg";
import { appConfig } from "@/db/index";
import { centralStore } from "@/db/central/store";
import { authorizedSystem, IngestRefused } from "./ingest-request";

/**
 * Runs one ingestion handler for the system the request's token writes for: refusals answer with their status and
 * one line, a store that cannot be reached answers 503 (the shipper keeps its rows and tries again).
 */
export async function ingestRoute(
  request: Request,
  handle: (pool: pg.Pool, system: string) => Promise<Response>,
): Promise<Response> {
  try {
    const system = authorizedSystem(request, appConfig());
    return await handle(centralStore("ingest")!, system);
  } catch (error) {
    if (error instanceof IngestRefused) return error.response();
    // A value PostgreSQL cannot store (class 22: data exception): sending it again cannot help.
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("22"))
      return Response.json({ error: `a value the store cannot keep: ${(error as Error).message}` }, { status: 400 });
    console.error(`ingest: ${(error as Error).message}`);
    return Response.json(
      { error: "the central store is unavailable; send the batch again later" },
      { status: 503, headers: { "retry-after": "5" } },
    );
  }
}
