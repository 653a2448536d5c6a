/**
 * One CSV line (RFC 4180): fields with a comma, quote or line break quoted; cells that a spreadsheet would run as a
 * formula prefixed with '.
 */
export function csvLine(fields: (string | number | null | undefined)[]): string {
  return fields
    .map((field) => {
      if (field === null || field === undefined) return "";
      let text = String(field);
      if (typeof field === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(",");
}
