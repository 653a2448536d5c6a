/** Every page of the README's "The pages", in the order operators use them; `name` is its `nav.routes.*` message. */
export const ROUTES = [
  { href: "/", name: "overview" },
  { href: "/agents", name: "agents" },
  { href: "/costs", name: "costs" },
  { href: "/evolution", name: "evolution" },
  { href: "/review", name: "review" },
  { href: "/trades", name: "trades" },
  { href: "/system", name: "system" },
  { href: "/alerts", name: "alerts" },
] as const;

/** The fleet overview, first in the menu of a central desk (DATABASE_URL) and absent from any other. */
export const FLEET_ROUTE = { href: "/fleet", name: "fleet" } as const;
