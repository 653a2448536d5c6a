import fs from "node:fs";

// BENCHMARKS.md holds npm run bench's tables first (its title and one "## N LLM calls" section per size), then
// npm run bench:browser's section, sections written by hand (npm run bench:backup's), and npm run loadtest's section
// last, one subsection per mode; each run rewrites only its own part.
const FILE = "BENCHMARKS.md";
const LOAD_TEST = "## Load test";
// A section of npm run bench's own: "## 1,000,000 LLM calls, …".
const BENCH_SIZE = /^## [\d,]+ LLM calls/;
const BROWSER = "## In the browser";

function read(file: string): { bench: string; others: string; loadTest: string } {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const at = text.indexOf(LOAD_TEST);
  const [before, loadTest] = at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at)];
  const parts = before.split(/^(?=## )/m);
  // The first part is the title, unless the file starts with a section (npm run bench:browser's, run alone).
  const other = parts.findIndex((part, i) => (i > 0 || part.startsWith("## ")) && !BENCH_SIZE.test(part));
  const end = other < 0 ? parts.length : other;
  return { bench: parts.slice(0, end).join(""), others: parts.slice(end).join(""), loadTest };
}

/** Replaces npm run bench's part, keeping the sections written by hand and the load test's. */
export function writeBenchSection(text: string, file = FILE): void {
  const { others, loadTest } = read(file);
  const rest = [others, loadTest].map((part) => part.trim()).filter(Boolean);
  fs.writeFileSync(file, [text.trimEnd(), ...rest].join("\n\n") + "\n");
}

/** Replaces npm run bench:browser's section where it stands, or puts it right after npm run bench's part. */
export function writeBrowserSection(text: string, file = FILE): void {
  writeNamedSection(BROWSER, text, file);
}

/** Replaces the section under `heading` where it stands, or puts it right after npm run bench's part. */
export function writeNamedSection(heading: string, text: string, file = FILE): void {
  const { bench, others, loadTest } = read(file);
  const sections = others.split(/^(?=## )/m).filter((part) => part.trim());
  const at = sections.findIndex((part) => part.startsWith(heading));
  if (at < 0) sections.unshift(text);
  else sections[at] = text;
  const parts = [bench, ...sections, loadTest].map((part) => part.trim()).filter(Boolean);
  fs.writeFileSync(file, parts.join("\n\n") + "\n");
}

/** Replaces the load test's subsection `mode` (or adds it), keeping the other modes' results. */
export function writeLoadTestSection(mode: string, lines: string[], file = FILE): void {
  const { bench, others, loadTest } = read(file);
  const sections = new Map<string, string>();
  for (const part of loadTest.split(/^### /m).slice(1))
    sections.set(part.slice(0, part.indexOf("\n")), part.slice(part.indexOf("\n") + 1).trim());
  sections.set(mode, lines.join("\n"));
  const body = [...sections].map(([name, text]) => `### ${name}\n\n${text}\n`).join("\n");
  const before = [bench, others]
    .map((part) => part.trim())
    .filter(Boolean)
    .join("\n\n");
  fs.writeFileSync(file, `${before}\n\n${LOAD_TEST} (npm run loadtest)\n\n${body}`);
}
