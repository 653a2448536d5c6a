import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "@/db/testing/upstream-file";
import { loadAgentConfig } from "./agent-config";

const BUNDLED = path.resolve(import.meta.dirname, "../../config/agent_llm_mapping.yaml");

describe("an agent's description in the agent config", () => {
  it("is the trading system's own text, as written", () => {
    const { agents } = loadAgentConfig(BUNDLED);
    expect(agents.cio?.description).toBe("4개 전문가 리포트 종합 분석 및 최종 투자 결정");
    expect(Object.values(agents).every((a) => typeof a.description === "string" && a.description.length > 0)).toBe(
      true,
    );
  });

  it("may be left out, and must be text when given", () => {
    const file = path.join(tempDir(), "agents.yaml");
    fs.writeFileSync(file, "agents:\n  cio:\n    provider: claude\n    model: opus-4.1\n");
    expect(loadAgentConfig(file).agents.cio?.description).toBeUndefined();
    fs.writeFileSync(file, "agents:\n  cio:\n    provider: claude\n    model: opus-4.1\n    description: [a, b]\n");
    expect(() => loadAgentConfig(file)).toThrow(/agents\.cio\.description/);
  });
});
