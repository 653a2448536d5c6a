import { databaseProblem } from "@/db";

/** Says plainly, above every page, when the database file is missing or read-only; nothing when all is well. */
export function DatabaseBanner() {
  const problem = databaseProblem();
  if (!problem) return null;
  return (
    <div role="alert" className="mb-6 rounded-lg border border-[#E69F00] bg-amber-50 p-4 text-sm text-zinc-900 dark:bg-amber-950/40 dark:text-zinc-100">
      <p className="font-semibold">{problem.kind === "missing" ? "The database file is missing" : "The database file is read-only"}</p>
      <p className="mt-1">{problem.message}</p>
    </div>
  );
}
