import { useTranslations } from "next-intl";
import { StatSkeleton } from "./stat";

const bar = "animate-pulse rounded bg-zinc-100 dark:bg-zinc-900";

/**
 * The shape of a dashboard page while its figures are read: a header, a row of figures and a table. The routes
 * that read the most re-export it as their loading.tsx, so they never leave a blank screen. The agent pages have
 * none: an unknown agent's 404 must be decided before anything is streamed (the overview streams its own parts).
 */
export function PageSkeleton() {
  const t = useTranslations("common");
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{t("skeleton")}</span>
      <div aria-hidden className="space-y-6">
        <div className="space-y-2">
          <div className={`h-7 w-48 ${bar}`} />
          <div className={`h-4 w-72 ${bar}`} />
        </div>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <StatSkeleton key={i} />
          ))}
        </div>
        <div className="space-y-2">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className={`h-8 ${bar}`} />
          ))}
        </div>
      </div>
    </div>
  );
}
