import "server-only";
import { notFound, redirect } from "next/navigation";
import { ParamError } from "@/lib/api-params";
import type { RequestClock } from "@/lib/read-context";
import { NoOwnFile, pageChoice, readSystem, requestClock, SystemNotFound } from "./request-clock";

// Apart from request-clock.ts: next/navigation is for pages, and the commands the shipper runs import the clock.

type OwnFile = { ownFile?: "required" | "optional" };

/**
 * A page's clock, of the system its URL's `?system=` names: an unknown one, the page is not found; none on a
 * central desk without a trading file of its own, the fleet (every system) is shown instead.
 */
export async function pageClock(searchParams: Promise<object> | undefined, options?: OwnFile): Promise<RequestClock> {
  const search = (await searchParams) as { system?: string | string[] } | undefined;
  const system = pageSystem(search?.system, options);
  pageChoice().system = system;
  return requestClock(system);
}

function pageSystem(value: string | string[] | undefined, options?: OwnFile): string | null {
  try {
    return readSystem(value === undefined ? [] : [value].flat(), options);
  } catch (error) {
    if (error instanceof NoOwnFile) redirect("/fleet");
    if (error instanceof SystemNotFound || error instanceof ParamError) notFound();
    throw error;
  }
}
