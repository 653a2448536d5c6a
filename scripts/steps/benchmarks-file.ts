import fs from "node:fs";

// BENCHMARKS.md holds npm run bench's tables first and npm run loadtest's section last; each rewrites only its own.
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

export function writeLoadTestSection(lines: string[]): void {
  const { bench } = read();
  fs.writeFileSync(FILE, `${bench.trimEnd()}\n\n${LOAD_TEST} (npm run loadtest)\n\n${lines.join("\n")}\n`);
}
