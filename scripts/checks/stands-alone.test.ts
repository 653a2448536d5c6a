// The repository is all a developer gets: a clone must not point at files that only exist on some other machine
// or beside it (the trading system's spec, a contract kept elsewhere). Links go to files in the repository.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./source-files";

/** Names and paths of documents that live outside the repository (spelled in pieces so this file passes itself). */
const OUTSIDE = [
  ["CONTRACT", ".md"],
  ["SPEC", ".md"],
  ["STYLE", ".md"],
  ["..", "/shared"],
  ["/work", "/"],
  ["shared", "/upstream"],
  ["shared", "/seed"],
].map((parts) => parts.join(""));

const tracked = () =>
  execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" })
    .split("\0")
    .filter(
      (file) =>
        file && fs.existsSync(path.join(ROOT, file)) && !/\.(png|jpe?g|ico|woff2?|db)$|package-lock\.json$/.test(file),
    );

/** What in `text` (of `file`) refers outside the repository or to a file that is not in it. */
export function outsideReferences(file: string, text: string): string[] {
  const found = OUTSIDE.filter((name) => text.includes(name)).map((name) => `names ${name}`);
  if (file.endsWith(".md")) {
    for (const [, target] of text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/i.test(target!)) continue; // a web address
      const resolved = path.resolve(path.dirname(path.join(ROOT, file)), decodeURIComponent(target!));
      if (!resolved.startsWith(ROOT + path.sep)) found.push(`links outside the repository: ${target}`);
      else if (!fs.existsSync(resolved)) found.push(`links to a missing file: ${target}`);
    }
  }
  return found;
}

describe("the repository stands on its own", () => {
  const files = tracked();

  it("sees the repository's files", () =>
    expect(files).toEqual(expect.arrayContaining(["README.md", "package.json", "docs/contract.md"])));

  it("no file refers to a document outside it, and every link in the docs resolves inside it", () => {
    const problems = files.flatMap((file) =>
      outsideReferences(file, fs.readFileSync(path.join(ROOT, file), "utf8")).map((p) => `${file}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it("every file the docs name in code spans is in the repository", () => {
    const docs = files.filter((file) => file === "README.md" || file.startsWith("docs/"));
    const named = docs.flatMap((doc) =>
      [
        ...fs
          .readFileSync(path.join(ROOT, doc), "utf8")
          .matchAll(/`([\w./()[\]-]+\.(?:ts|tsx|mjs|py|sql|json|md|yaml))`/g),
      ].map(([, file]) => ({ doc, file: file! })),
    );
    // Paths into the repository's own folders; bare names and placeholders (NNNN_name.sql) are not paths.
    const ours = named.filter(
      ({ file }) => /^(app|components|db|lib|scripts|e2e|migrations|docs|config)\//.test(file) && !/NNNN/.test(file),
    );
    expect(ours.length).toBeGreaterThan(50);
    expect(ours.filter(({ file }) => !fs.existsSync(path.join(ROOT, file)))).toEqual([]);
  });

  it("the check catches a pointer outside and a broken link", () => {
    const text = `See ${OUTSIDE[0]} and [the spec](../../elsewhere/spec.md), [gone](docs/nothing.md), [ok](README.md), [web](https://example.com/x.md).`;
    expect(outsideReferences("README.md", text)).toEqual([
      `names ${OUTSIDE[0]}`,
      "links outside the repository: ../../elsewhere/spec.md",
      "links to a missing file: docs/nothing.md",
    ]);
  });
});
