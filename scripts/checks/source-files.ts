import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/** The repository's root: checks read its files as a developer would see them. */
export const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every .ts/.tsx file under `dirs` (relative to the root), tests and generated folders left out. */
export function sourceFiles(dirs: string[], { tests = false } = {}): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(full);
      } else if (
        /\.tsx?$/.test(entry.name) &&
        !entry.name.endsWith(".d.ts") &&
        (tests || !/\.test\.tsx?$/.test(entry.name))
      ) {
        found.push(full);
      }
    }
  };
  for (const dir of dirs) walk(path.join(ROOT, dir));
  return found.sort();
}

export function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(
    file,
    fs.readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
}

export const relative = (file: string) => path.relative(ROOT, file);
