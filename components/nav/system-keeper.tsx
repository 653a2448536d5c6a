"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";

/**
 * A central desk's system switcher: which system's pages these are (`?system=NAME`, or this desk's own file when it
 * has one), and while one is chosen, every link and filter form of the desk's own pages keeps it, so a period, a
 * sort or an agent followed from alpha's costs stays on alpha. Pages build their links without knowing the system;
 * this one place adds it as a link is followed or a filter sent.
 */
export function SystemKeeper({
  systems,
  label,
  own,
  choose: chooseWords,
}: {
  systems: string[];
  label: string;
  /** The words for this desk's own file; absent on a central desk that has none (DATABASE_PATH unset). */
  own: string | undefined;
  /** What the switcher says while no system is chosen on a desk without a file of its own (/fleet, /alerts). */
  choose: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const system = params.get("system") ?? "";
  // /fleet's own `?system=` picks a row of the fleet table, not the file a page reads.
  const kept = system !== "" && !pathname.startsWith("/fleet") ? system : "";

  useEffect(() => {
    if (!kept) return;
    const withSystem = (url: URL) => {
      if (url.origin !== location.origin || url.searchParams.has("system") || url.pathname.startsWith("/fleet"))
        return false;
      if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/login")) return false;
      url.searchParams.set("system", kept);
      return true;
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const link = (event.target as Element).closest?.("a[href]") as HTMLAnchorElement | null;
      if (!link || link.target || link.hasAttribute("download")) return;
      const url = new URL(link.href);
      if (!withSystem(url)) return;
      event.preventDefault();
      event.stopPropagation();
      router.push(`${url.pathname}${url.search}${url.hash}`);
    };
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target as HTMLFormElement;
      if (form.method.toLowerCase() !== "get" || form.querySelector('input[name="system"]')) return;
      if (!withSystem(new URL(form.action))) return;
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = "system";
      input.value = kept;
      form.append(input);
    };
    document.addEventListener("click", onClick, true);
    document.addEventListener("submit", onSubmit, true);
    return () => {
      document.removeEventListener("click", onClick, true);
      document.removeEventListener("submit", onSubmit, true);
    };
  }, [kept, router]);

  const choose = (next: string) => {
    const query = new URLSearchParams(params);
    // A page of trades continues from a row of the system it came from: start again at the first.
    query.delete("after");
    if (next) query.set("system", next);
    else query.delete("system");
    const search = query.toString();
    router.push(`${pathname.startsWith("/fleet") ? "/" : pathname}${search ? `?${search}` : ""}`);
  };

  return (
    <label className="flex flex-col gap-1 px-3 text-xs text-zinc-600 dark:text-zinc-400">
      {label}
      <select
        value={kept}
        onChange={(event) => choose(event.target.value)}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {own ? (
          <option value="">{own}</option>
        ) : (
          <option value="" disabled>
            {chooseWords}
          </option>
        )}
        {systems.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
