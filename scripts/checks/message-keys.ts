// How the checks read which messages a source file asks for: the forms scripts/checks/catalogues.test.ts enforces.

/** Every full key (`costs.byProvider.title`) the code asks for; a template key (`languageName.${x}`) as a prefix. */
export function usedKeys(text: string): { keys: Set<string>; prefixes: Set<string> } {
  const keys = new Set<string>();
  const prefixes = new Set<string>();
  // A translator: a page's (`useTranslations("ns")`, `getTranslations("ns")`) or one made outside a request
  // (`createTranslator({ …, namespace: "ns" })`, as the alert messages are).
  const bindings = text.matchAll(
    /\b(\w+)\s*=\s*(?:(?:await\s+)?(?:useTranslations|getTranslations)\(\s*"([\w.]+)"\s*\)|createTranslator\(\{[^}]*namespace:\s*"([\w.]+)")/g,
  );
  for (const [, name, page, made] of bindings) {
    const namespace = page ?? made;
    const call = new RegExp(`\\b${name}(?:\\.(?:rich|markup|has|raw))?\\(\\s*(?:"([\\w.]+)"|\`([\\w.]*)\\$\\{)`, "g");
    for (const [, key, prefix] of text.matchAll(call)) {
      if (key !== undefined) keys.add(`${namespace}.${key}`);
      if (prefix !== undefined) prefixes.add(`${namespace}.${prefix}`);
    }
  }
  // A figure's explanation is asked for by name (`<Stat figure="pnl">`, `{ figure: "pnl" }`): its keys are used.
  for (const [, figure] of text.matchAll(/\bfigure(?:=|:\s*)"(\w+)"/g)) prefixes.add(`figures.${figure}.`);
  return { keys, prefixes };
}
