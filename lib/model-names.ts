// Model names arrive as aliases (`opus-4.1`, `flash-2.5`) or API ids (`claude-opus-4-1-20250805`,
// `models/gemini-2.5-flash`). Grouping uses one canonical name per model, in the alias style of the agent config;
// the raw name stays what is stored and shown beside it.

const DATE_SUFFIX = /[-@](\d{8}|\d{4}-\d{2}-\d{2}|latest|preview(-[\w-]+)?|exp(-[\w-]+)?)$/;

/** The canonical name of a model, for grouping: `claude-opus-4-1-20250805` → `opus-4.1`. */
export function canonicalModel(raw: string): string {
  let name = raw
    .trim()
    .toLowerCase()
    .replace(/^models\//, "")
    .replace(/^(anthropic|openai|google|perplexity)\//, "");
  while (DATE_SUFFIX.test(name)) name = name.replace(DATE_SUFFIX, "");

  // Claude: claude-opus-4-1 / claude-3-5-sonnet → opus-4.1 / sonnet-3.5
  const claude =
    /^(?:claude-)?(?:(opus|sonnet|haiku)-(\d+)(?:[-.](\d+))?|(\d+)(?:[-.](\d+))?-(opus|sonnet|haiku))$/.exec(name);
  if (claude) {
    const [, family1, major1, minor1, major2, minor2, family2] = claude;
    const family = family1 ?? family2;
    const major = major1 ?? major2;
    const minor = minor1 ?? minor2;
    return `${family}-${major}${minor ? `.${minor}` : ""}`;
  }
  // Gemini: gemini-2.5-flash → flash-2.5, gemini-2.5-flash-lite → flash-lite, gemini-2.5-pro stays
  const gemini =
    /^(?:gemini-)?(\d+(?:\.\d+)?)-(flash-lite|flash|pro)$/.exec(name) ??
    /^(flash-lite|flash|pro)-(\d+(?:\.\d+)?)$/.exec(name);
  if (gemini) {
    const [version, tier] = /^\d/.test(gemini[1]!) ? [gemini[1]!, gemini[2]!] : [gemini[2]!, gemini[1]!];
    if (tier === "flash-lite") return "flash-lite";
    if (tier === "flash") return `flash-${version}`;
    return `gemini-${version}-pro`;
  }
  return name;
}

/**
 * The model names an operator may write into the trading system's config: 1 to 100 characters, ASCII letters and
 * digits and `.` `_` `-` `/` `:` `@` `+`, starting and ending with a letter or digit. That holds every real name
 * (`claude-opus-4-1-20250805`, `gpt-4o-mini`, `gemini-2.5-pro`, `deepseek/deepseek-chat`,
 * `meta-llama/Llama-3.1-70B-Instruct`, `qwen2.5:72b`, `claude-3-5-sonnet@20240620`) and keeps out what YAML readers
 * disagree on or refuse: spaces, quotes, control characters (C0, DEL, C1 U+0080–U+009F), line breaks (U+0085,
 * U+2028), noncharacters (U+FFFE, U+FFFF), anything beyond ASCII, and a YAML indicator (`-` `:` `&` `*` `!` `@` `#`
 * `%` `|` `>` `?`) or a dot (`.inf`, `.nan`) at the start.
 */
export const MODEL_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._:@+/-]{0,98}[A-Za-z0-9])?$/;
