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
  "swapCost",
  "modelHistory",
  "runs",
  "alerts",
  "fleet",
] as const;

/**
 * The messages client components format in the browser, by page: sent with that page alone, in a provider of its
 * own around its forms. Only forms whose words depend on what the operator types or gets back need this (the swap
 * form, its cost panel and rollback, /alerts' forms); every other client component is handed its words, already
 * formatted, by the server component that renders it, so most pages load no message formatter at all.
 * scripts/checks/client-boundary.test.ts fails when a client component asks for a key outside them.
 */
export const PAGE_CLIENT_MESSAGES = {
  evolution: { evolution: ["form", "rollback"], swapCost: ["panel"] },
  alerts: { alerts: ["kinds", "ruleForm", "channelForm", "silenceForm", "testButton"] },
} as const satisfies Record<string, Partial<Record<(typeof NAMESPACES)[number], readonly string[]>>>;

/** The `picks` (namespace → top-level keys) of the request's messages: what a client provider is given. */
export function pickMessages(messages: Messages, picks: Partial<Record<string, readonly string[]>>): Messages {
  return Object.fromEntries(
    Object.entries(picks).map(([namespace, keys]) => {
      const all = messages[namespace] as Record<string, unknown>;
      return [namespace, Object.fromEntries((keys ?? []).map((key) => [key, all[key]]))];
    }),
  );
}

export type Messages = Record<string, unknown>;

export async function loadMessages(locale: Locale): Promise<Messages> {
  const files = await Promise.all(
    NAMESPACES.map(async (namespace) => [namespace, (await import(`./${locale}/${namespace}.json`)).default] as const),
  );
  return Object.fromEntries(files);
}
