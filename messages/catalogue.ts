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
] as const;

/**
 * The messages client components say, by namespace and top-level key: the only ones sent to the browser with every
 * page (every other word is rendered on the server). scripts/checks/client-boundary.test.ts fails when a client
 * component asks for a key outside them.
 */
export const CLIENT_MESSAGES = {
  common: ["pageError", "reference", "sectionError", "counting"],
  nav: ["routes", "firing"],
  login: ["password", "submit", "submitting"],
  review: ["form"],
  evolution: ["form", "rollback"],
  swapCost: ["panel"],
} as const satisfies Partial<Record<(typeof NAMESPACES)[number], readonly string[]>>;

/**
 * Messages only one page's client components say, sent with that page alone (a provider of its own around them)
 * rather than with every page: /alerts' forms are 4–5 KB of words no other page needs.
 */
export const PAGE_CLIENT_MESSAGES = {
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
