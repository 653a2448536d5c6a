import Link from "next/link";
import { Fragment } from "react";
import { useTranslations } from "next-intl";
import type { AgentRuns } from "@/db/queries/agent-runs";

/** A short notice naming every agent whose sources disagree on its model, each a link to its page; else nothing. */
export function RunsNotice({ runs }: { runs: AgentRuns[] }) {
  const t = useTranslations("runs");
  const disagreeing = runs.filter((r) => !r.agree);
  if (disagreeing.length === 0) return null;
  return (
    <p role="note" aria-label={t("notice.label")} className="mb-4 text-sm text-amber-800 dark:text-amber-300">
      {t("notice.text", { count: disagreeing.length })}{" "}
      {disagreeing.map((r, i) => (
        <Fragment key={r.agent}>
          {i > 0 ? ", " : null}
          <Link href={`/agents/${encodeURIComponent(r.agent)}`} className="font-medium underline">
            {r.agent}
          </Link>
        </Fragment>
      ))}
    </p>
  );
}
