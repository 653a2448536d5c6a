// Model names arrive as aliases (`opus-4.1`, `flash-2.5`) or API ids (`claude-opus-4-1-20250805`,
// `models/gemini-2.5-flash`). Grouping uses one canonical name per model, in the alias style of the agent config;
// the raw name stays what is stored and shown beside it.

const DATE_SUFFIX = /[-@](\d{8}|\d{4}-\d{2}-\d{2}|latest|preview(-[\w-]+)?|exp(-[\w-]+)?)$/;

/** The canonical name of a model, for grouping: `claude-opus-4-1-20250805` → `opus-4.1`. */
export function canonicalModel(raw: string): string {
  let name = raw.trim().toLowerCase().replace(/^models\//, "").replace(/^(anthropic|openai|google|perplexity)\//, "");
  while (DATE_SUFFIX.test(name)) name = name.replace(DATE_SUFFIX, "");

  // Claude: claude-opus-4-1 / claude-3-5-sonnet → opus-4.1 / sonnet-3.5
  const claude = /^(?:claude-)?(?:(opus|sonnet|haiku)-(\d+)(?:[-.](\d+))?|(\d+)(?:[-.](\d+))?-(opus|sonnet|haiku))$/.exec(name);
  if (claude) {
    const [, family1, major1, minor1, major2, minor2, family2] = claude;
    const family = family1 ?? family2;
    const major = major1 ?? major2;
    const minor = minor1 ?? minor2;
    return `${family}-${major}${minor ? `.${minor}` : ""}`;
  }
  // Gemini: gemini-2.5-flash → flash-2.5, gemini-2.5-flash-lite → flash-lite, gemini-2.5-pro stays
  const gemini = /^(?:gemini-)?(\d+(?:\.\d+)?)-(flash-lite|flash|pro)$/.exec(name) ?? /^(flash-lite|flash|pro)-(\d+(?:\.\d+)?)$/.exec(name);
  if (gemini) {
    const [version, tier] = /^\d/.test(gemini[1]!) ? [gemini[1]!, gemini[2]!] : [gemini[2]!, gemini[1]!];
    if (tier === "flash-lite") return "flash-lite";
    if (tier === "flash") return `flash-${version}`;
    return `gemini-${version}-pro`;
  }
  return name;
}
