import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * In place of a form that writes to the trading file, on a central desk's page of one system: its pages are read
 * from its replica, and what changes it goes through the fleet page to its shipper.
 */
export async function RecordedCentrally({ system }: { system: string }) {
  const t = await getTranslations("fleet.recordedCentrally");
  return (
    <p className="text-sm text-zinc-700 dark:text-zinc-300">
      {t("body", { system })}{" "}
      <Link
        href={`/fleet?system=${encodeURIComponent(system)}#swap-form`}
        className="text-emerald-700 underline dark:text-emerald-400"
      >
        {t("link")}
      </Link>
    </p>
  );
}
