import { databaseProblem } from "@/db";

const TITLES = {
  missing: "The database file is missing",
  migrating: "The database file is being migrated",
  "read-only": "The database file is read-only",
  "disk-full": "The disk is full",
} as const;

/**
 * Says plainly, above every page, when the database file is missing or read-only, or its disk is full; nothing when all
 * is well.
 */
export function DatabaseBanner() {
  const problem = databaseProblem();
  if (!problem) return null;
  return (
    <div
      role="alert"
      className="mb-6 rounded-lg border border-[#E69F00] bg-amber-50 p-4 text-sm text-zinc-900 dark:bg-amber-950/40 dark:text-zinc-100"
    >
      <p className="font-semibold">{TITLES[problem.kind]}</p>
      <p className="mt-1">{problem.message}</p>
    </div>
  );
}
