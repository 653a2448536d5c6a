import type { Locale } from "@/lib/locale";

/**
 * The catalogues, one JSON file per namespace and language (`messages/ko/costs.json`): keys by page and section,
 * ICU messages for plurals and values. A namespace is a page or a part of the shell; each file has one owner.
 */
export const NAMESPACES = [
  "common",
  "nav",
  "overview",
  "costs",
  "agents",
  "agent",
  "evolution",
  "review",
  "trades",
  "system",
  "login",
  "charts",
  "figures",
] as const;

export type Messages = Record<string, unknown>;

export async function loadMessages(locale: Locale): Promise<Messages> {
  const files = await Promise.all(
    NAMESPACES.map(async (namespace) => [namespace, (await import(`./${locale}/${namespace}.json`)).default] as const),
  );
  return Object.fromEntries(files);
}
