import Link from "next/link";
import { getTranslations } from "next-intl/server";

const CHIP = "rounded-md border px-2 py-1 text-sm";
const ACTIVE = "border-zinc-900 bg-zinc-900 text-white dark:border-zinc-100 dark:bg-zinc-100 dark:text-zinc-900";
const IDLE = "border-zinc-200 bg-white hover:bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:bg-zinc-800";

/** `?system=NAME` as links: every system on this desk, and all of them together; the period is kept. */
export async function SystemSwitcher({
  systems,
  current,
  periodQuery,
}: {
  systems: string[];
  current: string | undefined;
  periodQuery: string;
}) {
  const t = await getTranslations("fleet");
  const links = [{ name: t("switcher.all"), href: `/fleet?${periodQuery}`, active: current === undefined }].concat(
    systems.map((system) => ({
      name: system,
      href: `/fleet?system=${system}&${periodQuery}`,
      active: system === current,
    })),
  );
  return (
    <nav aria-label={t("switcher.label")} className="flex flex-wrap gap-2">
      {links.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          aria-current={link.active ? "page" : undefined}
          className={`${CHIP} ${link.active ? ACTIVE : IDLE}`}
        >
          {link.name}
        </Link>
      ))}
    </nav>
  );
}
