// A client component ships to the browser with everything it imports. A module that reads files, the database or
// secrets must never be among them: the bundle would fail at best, carry the driver (or a secret) at worst.
import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PAGE_CLIENT_MESSAGES } from "@/messages/catalogue";
import { usedKeys } from "./message-keys";
import { parse, relative, ROOT, sourceFiles } from "./source-files";

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Packages that only run on the server. */
const SERVER_PACKAGES = new Set(["server-only", "better-sqlite3", "drizzle-orm/better-sqlite3"]);
/** The database layer, and the part of lib that needs Node (files, crypto, sockets, the configuration). */
const SERVER_FOLDERS = [`db${path.sep}`, `lib${path.sep}server${path.sep}`];

/** The modules a file imports as values (type-only imports vanish from the bundle), as written. */
function valueImports(file: string): string[] {
  const source = parse(file);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers;
}

/** A project file for `@/x` or `./x`, or undefined for a package. */
function resolveLocal(specifier: string, from: string): string | undefined {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : undefined;
  if (base === undefined) return undefined;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

const directive = (name: string) => new RegExp(`^\\s*(//[^\\n]*\\n|/\\*[\\s\\S]*?\\*/\\s*)*["']${name}["']`);
const isClientComponent = (file: string) => directive("use client").test(fs.readFileSync(file, "utf8"));
/** A server action module reaches the browser as references to the server, never as code. */
const isServerActions = (file: string) => directive("use server").test(fs.readFileSync(file, "utf8"));

/** The first server-only thing `entry` reaches through its value imports, with the chain that leads to it. */
function serverReach(entry: string): string[] | undefined {
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]): string[] | undefined => {
    if (seen.has(file)) return undefined;
    seen.add(file);
    for (const specifier of valueImports(file)) {
      if (NODE_BUILTINS.has(specifier) || SERVER_PACKAGES.has(specifier)) return [...chain, specifier];
      const local = resolveLocal(specifier, file);
      if (local === undefined || isServerActions(local)) continue;
      if (SERVER_FOLDERS.some((folder) => relative(local).startsWith(folder))) return [...chain, relative(local)];
      const found = visit(local, [...chain, relative(local)]);
      if (found) return found;
    }
    return undefined;
  };
  return visit(entry, [relative(entry)]);
}

/** Every project module `entry` reaches through its value imports (server actions excluded), itself included. */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of valueImports(file)) {
      const local = resolveLocal(specifier, file);
      if (local !== undefined && !isServerActions(local)) visit(local);
    }
  };
  visit(entry);
  return [...seen];
}

describe("client components", () => {
  const clients = sourceFiles(["app", "components", "lib"]).filter(isClientComponent);

  it("are found (the check would pass vacuously otherwise)", () => expect(clients.length).toBeGreaterThan(5));

  it.each(clients.map(relative))("%s imports nothing server-only, directly or through another module", (file) => {
    expect(serverReach(path.join(ROOT, file))).toBeUndefined();
  });

  // A page's PAGE_CLIENT_MESSAGES reach the browser only around that page's forms (components/<page>/, under the
  // page's own provider); every other page loads no message formatter. A client component that reached next-intl
  // elsewhere would fail without a provider, and one asking for another message would show its key instead of words.
  it.each(clients.map(relative))("%s formats only the messages its page sends, if any", (file) => {
    const modules = reachable(path.join(ROOT, file));
    const formats = modules.some((m) => valueImports(m).some((s) => s === "next-intl" || s.startsWith("next-intl/")));
    if (!formats) return;
    const page = (Object.keys(PAGE_CLIENT_MESSAGES) as (keyof typeof PAGE_CLIENT_MESSAGES)[]).find((name) =>
      file.startsWith(`components${path.sep}${name}${path.sep}`),
    );
    expect(page, `${file} formats messages, but no page sends them to it`).toBeDefined();
    const given = Object.entries(PAGE_CLIENT_MESSAGES[page!]).flatMap(([namespace, keys]) =>
      (keys as readonly string[]).map((k) => `${namespace}.${k}`),
    );
    const within = (key: string) => given.some((g) => key === g || key.startsWith(`${g}.`));
    const asked = modules.flatMap((module) => {
      const { keys, prefixes } = usedKeys(fs.readFileSync(module, "utf8"));
      return [...keys, ...prefixes];
    });
    expect(asked.filter((key) => !within(key))).toEqual([]);
  });

  it.each(
    sourceFiles(["lib"])
      .filter((file) => !relative(file).startsWith(`lib${path.sep}server`))
      .map(relative),
  )("%s (lib outside lib/server: safe in the browser) reaches nothing server-only", (file) =>
    expect(serverReach(path.join(ROOT, file))).toBeUndefined(),
  );

  it("the check sees a server module behind a browser-safe one", () => {
    const folder = fs.mkdtempSync(path.join(ROOT, "components", ".boundary-check-"));
    try {
      fs.writeFileSync(
        path.join(folder, "leaf.tsx"),
        `"use client";\nimport { helper } from "./middle";\nexport const Leaf = () => helper();\n`,
      );
      fs.writeFileSync(
        path.join(folder, "middle.ts"),
        `import type { Period } from "@/lib/period";\nimport { database } from "@/db";\nexport const helper = (p?: Period) => database() && p;\n`,
      );
      expect(serverReach(path.join(folder, "leaf.tsx"))).toEqual([
        relative(path.join(folder, "leaf.tsx")),
        relative(path.join(folder, "middle.ts")),
        path.join("db", "index.ts"),
      ]);
    } finally {
      fs.rmSync(folder, { recursive: true });
    }
  });
});
