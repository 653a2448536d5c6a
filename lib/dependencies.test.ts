// Security of what Agent Desk runs on. `npm audit` cannot reach the advisory service from this machine (the
// registry answers its bulk endpoint with 405), so the advisories that concern a server like this one are pinned
// here by the version that fixed them, and the installed packages must be at or past each.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const FIXED_IN: Record<string, { version: string; advisories: string }> = {
  // May 2026: proxy bypasses via segment prefetch and route parameters, Server Components DoS, SSRF (16.2.6);
  // July 2026 security release: App Router DoS, proxy bypasses, SSRF, RSC cache poisoning (16.2.11).
  next: { version: "16.2.11", advisories: "GHSA-267c-6grr-h53f, GHSA-26hh-7cqf-hhc6, GHSA-492v-c6pp-mqqv, GHSA-8h8q-6873-q5fj, July 2026 release" },
};

const installed = (name: string) => JSON.parse(fs.readFileSync(path.join("node_modules", name, "package.json"), "utf8")).version as string;
const atLeast = (version: string, minimum: string) => {
  const [a, b] = [version, minimum].map((v) => v.split("-")[0]!.split(".").map(Number));
  for (let i = 0; i < 3; i++) if (a![i] !== b![i]) return a![i]! > b![i]!;
  return true;
};

describe("dependencies", () => {
  for (const [name, { version, advisories }] of Object.entries(FIXED_IN)) {
    it(`${name} is at or past ${version} (${advisories})`, () => expect(atLeast(installed(name), version), installed(name)).toBe(true));
  }
  it("pins every dependency to an exact version, so a fresh clone runs what was tested", () => {
    const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
    for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) expect(range, name).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
