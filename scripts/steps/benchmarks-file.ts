import fs from "node:fs";

// BENCHMARKS.md holds npm run bench's tables first and npm run loadtest's section last, one subsection per mode;
// each run rewrites only its own part.
const FILE = "BENCHMARKS.md";
const LOAD_TEST = "## Load test";

function read(): { bench: string; loadTest: string } {
  const text = fs.existsSync(FILE) ? fs.readFileSync(FILE, "utf8") : "";
  const at = text.indexOf(LOAD_TEST);
  return at < 0 ? { bench: text, loadTest: "" } : { bench: text.slice(0, at), loadTest: text.slice(at) };
}

export function writeBenchSection(text: string): void {
  const { loadTest } = read();
  fs.writeFileSync(FILE, `${text.trimEnd()}\n${loadTest ? `\n${loadTest}` : ""}`);
}

/** Replaces the load test's subsection `mode` (or adds it), keeping the other modes' results. */
export function writeLoadTestSection(mode: string, lines: string[]): void {
  const { bench, loadTest } = read();
  const sections = new Map<string, string>();
  for (const part of loadTest.split(/^### /m).slice(1))
    sections.set(part.slice(0, part.indexOf("\n")), part.slice(part.indexOf("\n") + 1).trim());
  sections.set(mode, lines.join("\n"));
  const body = [...sections].map(([name, text]) => `### ${name}\n\n${text}\n`).join("\n");
  fs.writeFileSync(FILE, `${bench.trimEnd()}\n\n${LOAD_TEST} (npm run loadtest)\n\n${body}`);
}
