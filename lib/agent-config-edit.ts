import { isScalar, parse, parseDocument, Scalar } from "yaml";

export class AgentConfigEditError extends Error {}

export type AgentModel = { provider: string; model: string };

/**
 * The agent config's text with one agent's `provider` and `model` replaced where they stand: every other byte (keys,
 * order, comments, blank lines, quoting of other values) stays as it was. A general YAML dump would reformat the file,
 * so only the two values' source ranges are rewritten, in the quoting style they had.
 */
export function withAgentModel(text: string, agent: string, values: AgentModel): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new AgentConfigEditError(`is not valid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
  const edits = (["provider", "model"] as const).map((key) => {
    const node = doc.getIn(["agents", agent, key], true);
    if (!isScalar(node) || !node.range || isBlock(node)) throw new AgentConfigEditError(`has no agents.${agent}.${key} value to change`);
    return { start: node.range[0], end: node.range[1], text: scalarText(values[key], node.type) };
  });
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  const written = (parse(out) as { agents?: Record<string, AgentModel> }).agents?.[agent];
  if (written?.provider !== values.provider || written?.model !== values.model) {
    throw new AgentConfigEditError(`could not hold ${values.provider}/${values.model} for ${agent} without reformatting`);
  }
  return out;
}

function isBlock(node: Scalar): boolean {
  return node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL;
}

/**
 * A value written the way the old one was: plain when it stays a plain string, else quoted. "Plain string" under
 * YAML 1.1 too, which the trading system's Python reader (PyYAML) follows: there `no`, `on` or `y` are booleans.
 */
function scalarText(value: string, type: Scalar["type"]): string {
  if (type === Scalar.QUOTE_SINGLE) return `'${value.replaceAll("'", "''")}'`;
  if (type === Scalar.PLAIN && /^[A-Za-z][\w.\/-]*$/.test(value) && parse(value) === value && parse(value, { version: "1.1" }) === value) return value;
  return JSON.stringify(value);
}
