import { isAlias, isScalar, parse, parseDocument, Scalar } from "yaml";

/**
 * The file has no place for the change (no such agent, a block scalar, text its readers disagree on): it is left alone.
 */
export class AgentConfigEditError extends Error {}

/** The edit would make the trading system read more than the one change, or nothing at all: it must not be written. */
export class UnsafeAgentConfigEdit extends Error {}

export type AgentModel = { provider: string; model: string };

/**
 * The agent config's text with one agent's `provider` and `model` replaced where they stand: every other byte (keys,
 * order, comments, blank lines, quoting of other values) stays as it was. A general YAML dump would reformat the file,
 * so only the two values' source ranges are rewritten, in the quoting style they had. The result is then read the way
 * the trading system reads it and refused unless exactly those two values changed: an anchor the value carries
 * (`model: &big opus-4.1`, aliased as `*big` by another agent) or a merge key would carry the change further.
 */
export function withAgentModel(text: string, agent: string, values: AgentModel): string {
  const before = readings(text, (why) => new AgentConfigEditError(why));
  const doc = parseDocument(text);
  const edits = (["provider", "model"] as const).map((key) => {
    const node = doc.getIn(["agents", agent, key], true);
    // An alias (`model: *big`) is replaced by the value itself, which changes this agent only.
    if (isAlias(node) || (isScalar(node) && !isBlock(node))) {
      return {
        start: node.range![0],
        end: node.range![1],
        text: scalarText(values[key], isScalar(node) ? node.type : Scalar.PLAIN),
      };
    }
    throw new AgentConfigEditError(`has no agents.${agent}.${key} value to change`);
  });
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  const after = readings(out, (why) => new UnsafeAgentConfigEdit(`would become unreadable: it ${why}`));
  for (const version of VERSIONS) expectOnly(before[version], after[version], agent, values);
  return out;
}

// YAML 1.1 with merge keys is how the trading system's PyYAML (yaml.safe_load) reads the file; 1.2 is how Agent Desk
// does.
type Version = "1.1" | "1.2";
const VERSIONS: Version[] = ["1.1", "1.2"];

// PyYAML refuses a whole file holding any other character (its reader's NON_PRINTABLE)…
const PYYAML_REFUSES = /[^\t\n\r\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
// …and breaks lines at these, where the YAML reader of this app does not.
const PYYAML_BREAKS = /[\x85\u2028\u2029]/;

/** The file as each reader sees it; `fail` makes the error for a file one of them cannot read. */
function readings(text: string, fail: (why: string) => Error): Record<Version, unknown> {
  const refused = PYYAML_REFUSES.exec(text);
  if (refused) throw fail(`holds ${codePoint(refused[0])}, a character the trading system's PyYAML refuses to read`);
  const breaking = PYYAML_BREAKS.exec(text);
  if (breaking) throw fail(`holds ${codePoint(breaking[0])}, which the trading system's PyYAML reads as a line break`);
  const read = (version: Version) => {
    const doc = parseDocument(text, { version });
    if (doc.errors.length > 0) throw fail(`is not valid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
    return [version, doc.toJS()];
  };
  return Object.fromEntries(VERSIONS.map(read)) as Record<Version, unknown>;
}

/** Throws unless `after` is `before` with the agent's provider and model set to `values`, and nothing else changed. */
function expectOnly(before: unknown, after: unknown, agent: string, values: AgentModel): void {
  const agentsOf = (doc: unknown) =>
    ((doc as { agents?: Record<string, AgentModel> } | null)?.agents ?? {}) as Record<string, AgentModel>;
  const pick = (a: AgentModel | undefined) => JSON.stringify([a?.provider, a?.model]);
  if (pick(agentsOf(after)[agent]) !== pick(values))
    throw new UnsafeAgentConfigEdit(`would not read back as ${values.provider} ${values.model} for ${agent}`);
  const expected = structuredClone(before);
  Object.assign(agentsOf(expected)[agent]!, values);
  if (JSON.stringify(expected) === JSON.stringify(after)) return;
  const names = [...new Set([...Object.keys(agentsOf(before)), ...Object.keys(agentsOf(after))])];
  const others = names.filter((name) => name !== agent && pick(agentsOf(before)[name]) !== pick(agentsOf(after)[name]));
  const what = others.length > 0 ? `${others.join(", ")} too` : "other settings too";
  throw new UnsafeAgentConfigEdit(`would change ${what}, through a YAML anchor or merge key shared with ${agent}`);
}

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

function isBlock(node: Scalar): boolean {
  return node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL;
}

/**
 * A value written the way the old one was: plain when it stays a plain string, else quoted. "Plain string" under
 * YAML 1.1 too, which the trading system's Python reader (PyYAML) follows: there `no`, `on` or `yes` are booleans.
 * Quoted text is printable ASCII, everything else escaped, so no reader can take part of it for a line break.
 */
function scalarText(value: string, type: Scalar["type"]): string {
  const ascii = /^[\x20-\x7E]*$/.test(value);
  if (type === Scalar.QUOTE_SINGLE && ascii) return `'${value.replaceAll("'", "''")}'`;
  if (
    type === Scalar.PLAIN &&
    /^[A-Za-z][\w.\/-]*$/.test(value) &&
    parse(value) === value &&
    parse(value, { version: "1.1" }) === value
  )
    return value;
  return `"${[...value].map(escaped).join("")}"`;
}

function escaped(char: string): string {
  if (char === '"' || char === "\\") return `\\${char}`;
  if (/^[\x20-\x7E]$/.test(char)) return char;
  const code = char.codePointAt(0)!;
  return code > 0xffff ? `\\U${code.toString(16).padStart(8, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
