import { describe, expect, it } from "vitest";
import { evaluateRule, type ActiveSilence, type InstanceState } from "./evaluate";
import type { Observation, RuleKind } from "./rules";

const MIN = 60_000;
type Rule = { id: number; kind: RuleKind; repeatMinutes: number };
const rule: Rule = { id: 7, kind: "provider_failures", repeatMinutes: 60 };
const notices: Rule = { id: 9, kind: "swap_change", repeatMinutes: 60 };
const fires = (instance: string, value = 0.5): Observation => ({
  instance,
  firing: true,
  value,
  threshold: 0.2,
  facts: { provider: instance },
});
const clear = (instance: string): Observation => ({ ...fires(instance, 0.01), firing: false });

/** Runs evaluations in a row, carrying the states along, as the loop does through its table. */
function run(steps: { at: number; observations: Observation[]; silences?: ActiveSilence[] }[], r = rule) {
  let states: InstanceState[] = [];
  return steps.map(({ at, observations, silences = [] }, i) => {
    const result = evaluateRule(r, observations, states, silences, at, i === 0 && r === notices);
    states = result.states;
    return result.transitions.map(
      (t) => `${t.instance} ${t.state}${t.repeat ? " again" : ""}${t.send ? "" : " (held)"}`,
    );
  });
}

describe("evaluateRule", () => {
  it("sends a firing once, again after the repeat interval, and its resolution once, when clear two rounds in a row", () => {
    expect(
      run([
        { at: 0, observations: [fires("openai")] },
        { at: 30 * MIN, observations: [fires("openai")] },
        { at: 61 * MIN, observations: [fires("openai", 0.9)] },
        { at: 62 * MIN, observations: [clear("openai")] },
        { at: 63 * MIN, observations: [clear("openai")] },
        { at: 64 * MIN, observations: [clear("openai")] },
      ]),
    ).toEqual([["openai firing"], [], ["openai firing again"], [], ["openai resolved"], []]);
  });

  it("does not resolve a figure hovering at its threshold: clear one round and firing the next is still one firing", () => {
    expect(
      run([
        { at: 0, observations: [fires("openai")] },
        { at: MIN, observations: [clear("openai")] },
        { at: 2 * MIN, observations: [fires("openai")] },
        { at: 3 * MIN, observations: [clear("openai")] },
        { at: 4 * MIN, observations: [fires("openai")] },
      ]),
    ).toEqual([["openai firing"], [], [], [], []]);
  });

  it("keeps each instance apart", () => {
    expect(
      run([
        { at: 0, observations: [fires("openai"), clear("gemini")] },
        { at: MIN, observations: [fires("openai"), fires("gemini")] },
        { at: 2 * MIN, observations: [] },
        { at: 3 * MIN, observations: [] },
      ]),
    ).toEqual([["openai firing"], ["gemini firing"], [], ["openai resolved", "gemini resolved"]]);
  });

  it("holds a silenced instance back and sends it when the silence ends while it still fires", () => {
    const silence = { id: 3, ruleId: 7, instance: "openai", startsAt: 0, endsAt: 10 * MIN };
    expect(
      run([
        { at: MIN, observations: [fires("openai"), fires("gemini")], silences: [silence] },
        { at: 5 * MIN, observations: [fires("openai"), fires("gemini")], silences: [silence] },
        { at: 11 * MIN, observations: [fires("openai"), fires("gemini")], silences: [silence] },
      ]),
    ).toEqual([["openai firing (held)", "gemini firing"], [], ["openai firing"]]);
  });

  it("does not announce the resolution of a firing nobody was told of", () => {
    const silence = { id: 3, ruleId: 7, instance: null, startsAt: 0, endsAt: 10 * MIN };
    expect(
      run([
        { at: MIN, observations: [fires("openai")], silences: [silence] },
        { at: 12 * MIN, observations: [] },
        { at: 13 * MIN, observations: [] },
      ]),
    ).toEqual([["openai firing (held)"], [], ["openai resolved (held)"]]);
  });

  it("ignores another rule's silence and one that has not started", () => {
    const other = { id: 4, ruleId: 8, instance: null, startsAt: 0, endsAt: 10 * MIN };
    const later = { id: 5, ruleId: 7, instance: null, startsAt: 5 * MIN, endsAt: 10 * MIN };
    expect(run([{ at: MIN, observations: [fires("openai")], silences: [other, later] }])).toEqual([["openai firing"]]);
  });

  it("sends each notice once, and takes in what existed at the rule's first look without sending", () => {
    expect(
      run(
        [
          { at: 0, observations: [fires("12")] },
          { at: MIN, observations: [fires("12"), fires("13")] },
          { at: 2 * MIN, observations: [fires("12"), fires("13")] },
        ],
        notices,
      ),
    ).toEqual([[], ["13 notice"], []]);
  });
});
