import { useTranslations } from "next-intl";
import { databaseFile, databaseProblem, OWN_FILE } from "@/db";
import { countingStatus } from "@/db/background/counting-loop";

/**
 * Says plainly, above every page, when the database file is missing or read-only, or its disk is full; nothing when all
 * is well. While a file is migrated, the step running now (or why it failed) in the migration's own words.
 */
export function DatabaseBanner() {
  const t = useTranslations("nav");
  const problem = databaseProblem();
  if (!problem) return null;
  const count = problem.kind === "migrating" ? countingStatus(databaseFile(OWN_FILE)) : null;
  const progress =
    count?.state === "migrating" && count.detail ? "migrating" : count?.state === "failed" ? "failed" : "none";
  return (
    <div
      role="alert"
      className="mb-6 rounded-lg border border-[#E69F00] bg-amber-50 p-4 text-sm text-zinc-900 dark:bg-amber-950/40 dark:text-zinc-100"
    >
      <p className="font-semibold">{t(`database.${problem.kind}.title`)}</p>
      <p className="mt-1">{t(`database.${problem.kind}.message`, { progress, detail: String(count?.detail) })}</p>
    </div>
  );
}
