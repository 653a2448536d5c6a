// A component that renders a literal sentence is a bug: the operator reads Korean or English, chosen by them. Text
// in JSX (children, and the props that components show as text) comes from the catalogues; only names that are
// the same in every language (the brand, units, codes) may be written in place.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { parse, relative, ROOT, sourceFiles } from "./source-files";

/** Props that components render as text (and the ones the browser reads out). */
const TEXT_PROPS = new Set([
  "title",
  "subtitle",
  "caption",
  "label",
  "summary",
  "empty",
  "detail",
  "header",
  "placeholder",
  "alt",
  "aria-label",
  "aria-description",
  "message",
  "hint",
]);
/** Written the same in every language. */
const SAME_IN_EVERY_LANGUAGE = new Set([
  "Agent Desk",
  "AD",
  "ko",
  "EN",
  "ms",
  "USD",
  "KRW",
  "CSV",
  "p50",
  "p95",
  "p99",
  "r",
]);
const WORDS = /[A-Za-z\u3131-\uD79D]/;

const isText = (text: string) => WORDS.test(text) && !SAME_IN_EVERY_LANGUAGE.has(text.trim());

/** Each literal text a file renders in JSX, with its line. */
export function literalTexts(file: string): string[] {
  const source = parse(file);
  const found: string[] = [];
  const at = (node: ts.Node, text: string) =>
    found.push(`${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${text.trim().slice(0, 60)}`);
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && isText(node.text)) at(node, node.text);
    if (ts.isJsxAttribute(node) && TEXT_PROPS.has(node.name.getText(source)) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      if (value && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) && isText(value.text))
        at(node, value.text);
      if (
        value &&
        ts.isTemplateExpression(value) &&
        [value.head, ...value.templateSpans.map((s) => s.literal)].some((p) => isText(p.text))
      )
        at(node, value.getText(source));
    }
    // Column and option objects handed to components: `{ header: "Calls", … }`.
    if (ts.isPropertyAssignment(node) && TEXT_PROPS.has(node.name.getText(source).replace(/^"|"$/g, ""))) {
      const value = node.initializer;
      if ((ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) && isText(value.text))
        at(node, value.text);
      if (
        ts.isTemplateExpression(value) &&
        [value.head, ...value.templateSpans.map((s) => s.literal)].some((p) => isText(p.text))
      )
        at(node, value.getText(source));
    }
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const value = node.expression;
      if (value && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) && isText(value.text))
        at(node, value.text);
      if (
        value &&
        ts.isTemplateExpression(value) &&
        [value.head, ...value.templateSpans.map((s) => s.literal)].some((p) => isText(p.text))
      )
        at(node, value.getText(source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("text in JSX comes from the catalogues", () => {
  it.each(
    sourceFiles(["app", "components"])
      .filter((file) => file.endsWith(".tsx"))
      .map(relative),
  )("%s", (file) => {
    expect(literalTexts(path.join(ROOT, file))).toEqual([]);
  });

  it("the check sees children, text props and templates, and lets the brand and units be", () => {
    const file = path.join(fs.mkdtempSync(path.join(ROOT, "components", ".literal-check-")), "sample.tsx");
    try {
      fs.writeFileSync(
        file,
        'export const A = ({ n }: { n: number }) => (\n  <Card title="Costs" caption={`${n} calls`} className="p-2">\n    Agent Desk\n    <p>{"Hello"} ms</p>\n    {n} trades\n    <Table columns={[{ header: "Calls", key: "calls" }]} />\n  </Card>\n);\n',
      );
      expect(literalTexts(file)).toEqual(["2: Costs", "2: `${n} calls`", "4: Hello", "5: trades", "6: Calls"]);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true });
    }
  });
});
