// Every word the desk shows comes from messages/<locale>/<namespace>.json. The two languages must hold the same
// keys with the same placeholders, every message must parse as ICU, and every key must be used by the code: a
// missing key shows its name to an operator, an unused one rots.
import fs from "node:fs";
import path from "node:path";
import { parse as parseIcu, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/locale";
import { NAMESPACES } from "@/messages/catalogue";
import { usedKeys } from "./message-keys";
import { ROOT, sourceFiles } from "./source-files";

type Tree = { [key: string]: string | Tree };

const read = (locale: string, namespace: string): Tree =>
  JSON.parse(fs.readFileSync(path.join(ROOT, "messages", locale, `${namespace}.json`), "utf8"));

/** `{a: {b: "x"}}` → `[["a.b", "x"]]`. */
function flatten(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

/** The argument names an ICU message takes (plural/select branches included). */
function argumentsOf(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    const own = "value" in element && element.type !== TYPE.literal ? [String(element.value)] : [];
    const branches = "options" in element ? Object.values(element.options).flatMap((o) => argumentsOf(o.value)) : [];
    const children = "children" in element ? argumentsOf(element.children) : [];
    return [...own, ...branches, ...children];
  });
}

describe("the message catalogues", () => {
  const code = sourceFiles(["app", "components", "lib"]).map((file) => fs.readFileSync(file, "utf8"));
  const used = code.map(usedKeys);
  const keys = new Set(used.flatMap((u) => [...u.keys]));
  const prefixes = used.flatMap((u) => [...u.prefixes]);

  it.each(NAMESPACES)("%s: the same keys and placeholders in every language, each a valid ICU message", (namespace) => {
    const [first, ...others] = LOCALES.map((locale) => new Map(flatten(read(locale, namespace))));
    for (const other of others) expect([...other.keys()].sort()).toEqual([...first!.keys()].sort());
    for (const [key, message] of first!) {
      const expected = argumentsOf(parseIcu(message)).sort();
      for (const other of others)
        expect(argumentsOf(parseIcu(other.get(key)!)).sort(), `${namespace}.${key}`).toEqual(expected);
    }
  });

  it("has every key the code asks for, and no key the code does not use", () => {
    const defined = new Set(
      NAMESPACES.flatMap((namespace) => flatten(read("en", namespace)).map(([key]) => `${namespace}.${key}`)),
    );
    expect([...keys].filter((key) => !defined.has(key))).toEqual([]);
    expect([...defined].filter((key) => !keys.has(key) && !prefixes.some((p) => key.startsWith(p)))).toEqual([]);
  });

  it.each(NAMESPACES)("%s: no apostrophe that ICU reads as a quote (it would print '{x}' as {x})", (namespace) => {
    for (const locale of LOCALES)
      for (const [key, message] of flatten(read(locale, namespace)))
        // A doubled apostrophe ('') is ICU's way of writing one; a single one before {, }, # or | starts a quote.
        expect(message.replace(/''/g, ""), `${locale}/${namespace}.${key}`).not.toMatch(/'[{}#|]/);
  });

  it("the check reads bindings, plain keys and template prefixes", () => {
    const sample =
      'const t = await getTranslations("costs");\nt("byProvider.title"); t.rich("note", {}); t(`unit.${u}`);\n' +
      '<Stat figure="llmCost" />; const c = { figure: "pnl" };';
    expect(usedKeys(sample)).toEqual({
      keys: new Set(["costs.byProvider.title", "costs.note"]),
      prefixes: new Set(["costs.unit.", "figures.llmCost.", "figures.pnl."]),
    });
  });
});
