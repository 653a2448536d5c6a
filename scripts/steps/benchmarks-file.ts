import fs from "node:fs";

// BENCHMARKS.md holds npm run bench's tables first (its title and one "## N LLM calls" section per size), then
// sections written by hand (npm run bench:backup's), and npm run loadtest's section last, one subsection per mode;
// each run rewrites only its own part.
const FILE = "BENCHMARKS.md";
const LOAD_TEST = "## Load test";
// A section of npm run bench's own: "## 1,000,000 LLM calls, …".
const BENCH_SIZE = /^## [\d,]+ LLM calls/;

function read(file: string): { bench: string; others: string; loadTest: string } {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const at = text.indexOf(LOAD_TEST);
  const [before, loadTest] = at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at)];
  const parts = before.split(/^(?=## )/m);
  const other = parts.findIndex((part, i) => i > 0 && !BENCH_SIZE.test(part));
  const end = other < 0 ? parts.length : other;
  return { bench: parts.slice(0, end).join(""), others: parts.slice(end).join(""), loadTest };
}

/** Replaces npm run bench's part, keeping the sections written by hand and the load test's. */
export function writeBenchSection(text: string, file = FILE): void {
  const { others, loadTest } = read(file);
  const rest = [others, loadTest].map((part) => part.trim()).filter(Boolean);
  fs.writeFileSync(file, [text.trimEnd(), ...rest].join("\n\n") + "\n");
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
