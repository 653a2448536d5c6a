import { useTranslations } from "next-intl";
import { parsePythonJson } from "@/lib/lenient-json";

/**
 * A JSON column of a trade, readable: pretty-printed when it parses; as written, with a note, when it holds Python's
 * NaN/Infinity or cannot be read at all. Never a crash, never a silently altered value.
 */
export function JsonBlock({ title, text }: { title: string; text: string | null }) {
  const t = useTranslations("trades");
  const parsed = parsePythonJson(text);
  const note =
    text === null
      ? t("record.json.notRecorded")
      : !parsed.ok
        ? t("record.json.unreadable")
        : parsed.nonFinite
          ? t("record.json.nonFinite")
          : null;
  const body = text === null ? "" : parsed.ok && !parsed.nonFinite ? JSON.stringify(parsed.value, null, 2) : text;
  return (
    <section aria-label={title} className="min-w-0">
      <h3 className="mb-1 text-xs font-semibold text-zinc-500 dark:text-zinc-400">
        {title}
        {note ? <span className="ml-2 font-normal text-[#B34700] dark:text-[#F0A050]">{note}</span> : null}
      </h3>
      {body ? (
        <pre
          tabIndex={0}
          className="max-h-80 overflow-auto rounded-md bg-zinc-50 p-3 text-xs leading-relaxed dark:bg-zinc-950"
        >
          {body}
        </pre>
      ) : null}
    </section>
  );
}
