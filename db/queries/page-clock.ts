import "server-only";
import { notFound } from "next/navigation";
import { ParamError } from "@/lib/api-params";
import type { RequestClock } from "@/lib/read-context";
import { readSystem, requestClock, SystemNotFound } from "./request-clock";

// Apart from request-clock.ts: next/navigation is for pages, and the commands the shipper runs import the clock.

/** A page's clock, of the system its URL's `?system=` names (an unknown one: the page is not found). */
export async function pageClock(searchParams: Promise<object> | undefined): Promise<RequestClock> {
  const search = (await searchParams) as { system?: string | string[] } | undefined;
  return requestClock(pageSystem(search?.system));
}

/** A page's `?system=`: the system it names, else the page is not found. */
export function pageSystem(value: string | string[] | undefined): string | null {
  try {
    return readSystem(value === undefined ? [] : [value].flat());
  } catch (error) {
    if (error instanceof SystemNotFound || error instanceof ParamError) notFound();
    throw error;
  }
}
