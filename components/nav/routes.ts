/** Every page of the README's "The pages", in the order operators use them. */
export const ROUTES = [
  { href: "/", label: "Overview" },
  { href: "/agents", label: "Agents" },
  { href: "/costs", label: "Costs" },
  { href: "/evolution", label: "Model swaps" },
  { href: "/review", label: "Review" },
  { href: "/trades", label: "Trades" },
  { href: "/system", label: "System" },
] as const;
