import { z } from "zod";

// What operators type into Agent Desk's forms, checked the same way everywhere.

/** Text an operator typed: trimmed, not empty, at most `max` characters, no control, direction or broken characters. */
export function formText(label: string, max: number, required = `${label} is required`) {
  return z
    .string({ error: required })
    .transform((s) => s.normalize("NFC").trim())
    .refine((s) => s.length > 0, required)
    .refine((s) => s.length <= max, `${label} is too long (at most ${max} characters)`)
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/.test(s), `${label} holds control or text-direction characters`)
    .refine((s) => !/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "")), `${label} holds a broken character`);
}

/** The id a form is rendered with, so a request sent twice is recognised. */
export const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
