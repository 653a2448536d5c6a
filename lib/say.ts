import { createTranslator, type AbstractIntlMessages, type Messages } from "use-intl/core";
import evolution from "@/messages/en/evolution.json";
import review from "@/messages/en/review.json";

// What a command answers an operator (a refused field, why nothing was recorded) is said by key, so that each reader
// gets it in their own language: a server action puts it into words with its namespace's `says.*` messages, and
// any other caller (tests, the AUTO_ROLLBACK log) gets the English catalogue's words. The translator is next-intl's
// own core (what "next-intl" re-exports), taken without its React half so that plain Node scripts can say it too.

/** A message by its key under `says.`, with its values; a value may itself be a message (a field's name). */
export type Said = { key: string; values?: { [name: string]: string | number | Said } };

/** Puts a message into words. */
export type Say = (said: Said) => string;

/** A Say from a translator of `says.*` keys; messages given as values are said first. */
export function sayWith(translate: (key: string, values: Record<string, string | number>) => string): Say {
  const say: Say = ({ key, values = {} }) =>
    translate(
      key,
      Object.fromEntries(
        Object.entries(values).map(([name, value]) => [name, typeof value === "object" ? say(value) : value]),
      ),
    );
  return say;
}

const ENGLISH = { evolution, review } satisfies Record<string, AbstractIntlMessages>;

/** The English catalogue's words for a namespace's `says.*`, for callers outside a reader's request. */
export function sayInEnglish(namespace: keyof typeof ENGLISH): Say {
  // Typed as the actions' translators are: the keys are only known at run time (said by the commands).
  const t = createTranslator({ locale: "en", messages: ENGLISH[namespace] as Messages });
  return sayWith((key, values) => t(`says.${key}`, values));
}
