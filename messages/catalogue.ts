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
  alerts: ["kinds", "ruleForm", "channelForm", "silenceForm", "testButton"],
} as const satisfies Partial<Record<(typeof NAMESPACES)[number], readonly string[]>>;

export type Messages = Record<string, unknown>;

export async function loadMessages(locale: Locale): Promise<Messages> {
  const files = await Promise.all(
    NAMESPACES.map(async (namespace) => [namespace, (await import(`./${locale}/${namespace}.json`)).default] as const),
  );
  return Object.fromEntries(files);
}
