import { Fragment } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { AgentRuns, RunSource } from "@/db/queries/agent-runs";
import { formatDateTime } from "@/lib/format";

/**
 * What an agent runs by each source, on one line, the sources that disagree emphasised; nothing when they agree (or
 * no source knows the agent). Times are 24-hour in the data's `zone`.
 */
export function RunsLine({ runs, zone, className = "" }: { runs?: AgentRuns; zone: string; className?: string }) {
  const t = useTranslations("runs");
  const locale = useLocale();
  if (!runs || runs.agree) return null;
  const { config, recorded, called } = runs;
  const parts: [RunSource, string][] = [];
  if (config) parts.push(["config", t("line.config", { model: config.model })]);
  if (recorded) parts.push(["recorded", t("line.recorded", { model: recorded.model })]);
  if (called) {
    const models =
      called.models.length === 1
        ? called.models[0]!.model
        : called.models.map((m) => t("line.model", { model: m.model, calls: m.calls })).join(", ");
    parts.push([
      "called",
      called.since === null
        ? t("line.called", { calls: called.calls, models })
        : t("line.calledSince", { calls: called.calls, models, time: formatDateTime(called.since, zone, locale) }),
    ]);
  }
  return (
    <p
      role="note"
      aria-label={t("line.label", { agent: runs.agent })}
      className={`text-xs whitespace-normal text-zinc-600 dark:text-zinc-300 ${className}`}
    >
      {parts.map(([source, text], i) => (
        <Fragment key={source}>
          {i > 0 ? " · " : null}
          {runs.differs.includes(source) ? (
            <strong className="font-semibold text-amber-700 dark:text-amber-400">{text}</strong>
          ) : (
            text
          )}
        </Fragment>
      ))}
    </p>
  );
}
