import { z } from "zod";
import type { Said, Say } from "./say";

// What operators type into Agent Desk's forms, checked the same way everywhere. Every typed text that is written
// (a swap's reason and model, a rollback's note, a review note) is parsed with formText or optionalFormText in its
// command (db/commands/), so a hand-made request meets the same rules as the form. Its messages are said by key
// (`says.text.*`), in the words of whoever parses (lib/say.ts).

/** A typed field: its label (every message names it), its longest length, and whether it may span lines. */
export type TextField = {
  label: Said;
  /** In UTF-16 units, as an input's maxLength counts. */
  max: number;
  /** "many": line breaks allowed, LF or the CRLF a browser sends for a textarea; "one": a line break is refused. */
  lines: "one" | "many";
};

// Characters that would make the stored text read differently from what it holds (in the timeline, a terminal, the
// trading system's logs), each kind with how a message names it. Refused, never removed: a text is written as typed
// (less the surrounding whitespace trim() takes) or not at all. Zero-width joiners go too, though some emoji and
// Persian words use them: in a note or a reason an invisible character mostly hides a difference between two texts
// that look the same.
const REFUSED: { kind: "broken" | "direction" | "invisible" | "control"; pattern: RegExp }[] = [
  { kind: "broken", pattern: /\p{Cs}/u }, // half a surrogate pair: not text at all
  { kind: "direction", pattern: /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/ }, // marks, embeddings, overrides, isolates
  { kind: "invisible", pattern: /[\p{Cf}\p{Zl}\p{Zp}]/u }, // zero-width, byte-order mark, tags, U+2028/U+2029 separators
  { kind: "control", pattern: /\p{Cc}/u }, // C0, DEL and C1 (U+0085 is a line break to Python)
];

/** Why `text` (already normalised) cannot be written in `field`, or null when it can. */
function wrongWith(text: string, { label, max, lines }: TextField): Said | null {
  if (text.length > max) return { key: "text.tooLong", values: { label, max } };
  // Tabs and the line breaks the field allows are fine. A lone CR is no line break: it rewinds a terminal's line.
  const rest = text.replace(lines === "many" ? /\t|\r\n|\n/g : /\t/g, "");
  if (lines === "one" && /[\r\n]/.test(rest)) return { key: "text.oneLine", values: { label } };
  for (const char of rest) {
    const refused = REFUSED.find((r) => r.pattern.test(char));
    if (refused) {
      const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
      return { key: "text.refused", values: { label, kind: { key: `text.kind.${refused.kind}` }, code } };
    }
  }
  return null;
}

/** Stored in one Unicode form (NFC), without surrounding whitespace. */
const normalised = (typed: string) => typed.normalize("NFC").trim();

/** What wrongWith finds, as the field's one issue. */
const policed = (field: TextField, say: Say) => (text: string | null, ctx: z.RefinementCtx) => {
  const wrong = text === null ? null : wrongWith(text, field);
  if (wrong) ctx.addIssue({ code: "custom", message: say(wrong) });
};

/** A text the operator must give: normalised, then refused when empty, too long, or holding a character above. */
export function formText(
  field: TextField,
  say: Say,
  required: Said = { key: "text.required", values: { label: field.label } },
) {
  const message = say(required);
  return z
    .string({ error: message })
    .transform(normalised)
    .refine((text) => text !== "", message)
    .superRefine(policed(field, say));
}

/** A text the operator may leave out: missing or blank is no text (null); anything else is checked as formText does. */
export function optionalFormText(field: TextField, say: Say) {
  return z
    .string({ error: say({ key: "text.notText", values: { label: field.label } }) })
    .optional()
    .transform((typed) => normalised(typed ?? "") || null)
    .superRefine(policed(field, say));
}

/** The id a form is rendered with, so a request sent twice is recognised. */
export const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
