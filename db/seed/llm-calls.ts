import { PROVIDERS, type Provider } from "@/db/schema/enums";
import type { AgentConfig } from "@/lib/server/agent-config";
import { ANALYSTS, callProfile, PER_TICKER_AGENTS } from "./agent-calls";
import { BILLED, drawFailure, failureLatencyMs } from "./llm-errors";
import type { ModelTimeline } from "./model-timeline";
import { costUsd, modelProfile, type ModelProfile } from "./models";
import type { Random } from "./random";
import type { Run } from "./schedule";

export type LlmCall = {
  wallUs: number;
  agent: string;
  provider: Provider;
  model: string;
  tokens: number;
  costUsd: number;
  latencyMs: number;
  requestType: string;
  success: boolean;
  error: string | null;
};

type Emit = (call: LlmCall) => void;
type AgentModel = { provider: Provider; name: string; profile: ModelProfile };

const MAX_ATTEMPTS = 3; // the config's retry_attempts
const BASE_FAILURE_RATE = 0.025;
const OUTAGE_FAILURE_RATE = 0.14;
const API_ID_SHARE = 0.1;

/**
 * The LLM calls of each run, in the order the graph makes them: a trading run diagnoses the portfolio, researches
 * sectors and screens once, then fetches data, runs the four analysts in parallel and asks the CIO for each
 * candidate ticker, then allocates and plans orders; the reflection loop's agents work one after another. A
 * failed call is retried (up to the config's 3 attempts). Times advance by each call's latency, divided by
 * `speed` when --llm-rows packs more calls into a run than it would make.
 */
export class LlmCallGenerator {
  private readonly prefix: string[][];
  private readonly perTicker: string[][];
  private readonly suffix: string[];
  /** What --llm-rows repeats to fill a run: the per-ticker block, or the whole run for a workflow without one. */
  private readonly repeatable: string[][];
  private readonly reflection: string[];
  private failureDay = -1;
  private failureRates = new Map<Provider, number>();

  constructor(
    config: AgentConfig,
    private readonly timeline: ModelTimeline,
    private readonly random: Random,
  ) {
    const known = (agent: string) => agent in config.agents;
    const trading = config.tradingWorkflow.filter(known);
    const found = trading.findIndex((agent) => PER_TICKER_AGENTS.has(agent));
    const firstPerTicker = found < 0 ? trading.length : found;
    const once = trading.filter((agent) => !PER_TICKER_AGENTS.has(agent));
    this.prefix = once.filter((agent) => trading.indexOf(agent) < firstPerTicker).map((agent) => [agent]);
    this.suffix = once.filter((agent) => trading.indexOf(agent) > firstPerTicker);
    this.perTicker = groupParallelAnalysts(trading.filter((agent) => PER_TICKER_AGENTS.has(agent)));
    this.repeatable =
      this.perTicker.length > 0 ? this.perTicker : [...this.prefix, ...this.suffix.map((agent) => [agent])];
    this.reflection = config.reflectionWorkflow.filter(known);
  }

  /** The calls a run makes when nothing fails: its weight when --llm-rows spreads rows over the runs. */
  plannedCalls(run: Run): number {
    if (run.kind === "reflection") return this.reflection.length * run.reflectionCalls;
    const sectorRepeats = this.prefix.some(([agent]) => agent === "sector_researcher") ? run.sectorQueries - 1 : 0;
    return this.prefix.length + sectorRepeats + run.tickers * this.perTicker.flat().length + this.suffix.length;
  }

  /** Emits the run's calls; with a budget, exactly that many (more tickers, or a cut-short run). */
  emitRun(run: Run, budget: number | undefined, emit: Emit): void {
    this.drawFailureRates(run.day.index);
    const speed = budget === undefined ? 1 : Math.max(1, budget / Math.max(1, this.plannedCalls(run)));
    const state: StepState = { clockUs: run.startUs, emitted: 0, run, speed, emit, models: new Map() };
    if (run.kind === "reflection") {
      this.reflection.forEach((agent, i) => {
        if (budget === undefined) for (let c = 0; c < run.reflectionCalls; c++) this.step(state, [agent], Infinity);
        else {
          const cap = Math.floor((budget * (i + 1)) / this.reflection.length);
          while (state.emitted < cap) this.step(state, [agent], cap);
        }
      });
      return;
    }
    const limit = budget ?? Infinity;
    const beforeSuffix = limit - this.suffix.length;
    for (const step of this.prefix) {
      const repeats = step[0] === "sector_researcher" ? run.sectorQueries : 1;
      for (let r = 0; r < repeats; r++) this.step(state, step, beforeSuffix);
    }
    const blocks = budget !== undefined ? Infinity : this.perTicker.length > 0 ? run.tickers : 0;
    for (let b = 0; b < blocks && state.emitted < beforeSuffix; b++) {
      for (const step of this.repeatable) this.step(state, step, beforeSuffix);
    }
    for (const agent of this.suffix) this.step(state, [agent], limit);
  }

  /** One step of the graph: its agents start together; the next step starts when the slowest is done. */
  private step(state: StepState, agents: string[], cap: number): void {
    let stepEndUs = state.clockUs;
    for (const agent of agents) {
      const model = this.modelOf(agent, state);
      let clockUs = state.clockUs;
      for (let attempt = 1; attempt <= MAX_ATTEMPTS && state.emitted < cap; attempt++) {
        const call = this.call(agent, model, clockUs, state);
        state.emit(call);
        state.emitted++;
        clockUs = call.wallUs;
        if (call.success) break;
        clockUs += (this.random.between(1, 6) * 1_000_000 * attempt) / state.speed; // the client's backoff
      }
      stepEndUs = Math.max(stepEndUs, clockUs);
    }
    state.clockUs = stepEndUs + (this.random.between(20, 250) * 1000) / state.speed;
  }

  private call(agent: string, model: AgentModel, startUs: number, state: StepState): LlmCall {
    const random = this.random;
    const profile = callProfile(agent);
    const input = random.int(profile.inputTokens[0], profile.inputTokens[1]);
    const output = random.int(profile.outputTokens[0], profile.outputTokens[1]);
    const outputMid = (profile.outputTokens[0] + profile.outputTokens[1]) / 2;
    const tail = random.chance(0.02) ? random.between(2, 4) : 1;
    const normalMs =
      model.profile.medianLatencyMs * (0.65 + (0.35 * output) / outputMid) * Math.exp(0.3 * random.normal()) * tail;

    let tokens = input + output;
    let cost = costUsd(model.profile, input, output);
    let latencyMs = normalMs;
    let error: string | null = null;
    if (random.chance(this.failureRates.get(model.provider) ?? BASE_FAILURE_RATE)) {
      const failure = drawFailure(model.provider, model.profile, random);
      const billed = BILLED[failure.kind];
      error = failure.message;
      latencyMs = failureLatencyMs(failure.kind, normalMs, random);
      if (billed === "nothing") [tokens, cost] = [failure.kind === "context_length" ? input : 0, 0];
      if (billed === "input") [tokens, cost] = [input, costUsd(model.profile, input, 0)];
    }
    let wallUs = Math.min(Math.floor(startUs + (latencyMs * 1000) / state.speed), state.run.deadlineUs);
    if (random.chance(0.005)) wallUs -= wallUs % 1_000_000; // now and then a whole second, written without a fraction
    return {
      wallUs,
      agent,
      provider: model.provider,
      model: random.chance(API_ID_SHARE) ? model.profile.apiId : model.name,
      tokens,
      costUsd: cost,
      latencyMs: Math.round(latencyMs * 1000) / 1000,
      requestType: profile.requestType,
      success: error === null,
      error,
    };
  }

  /** Swaps never fall inside a run, so the model at its start holds for all its calls. */
  private modelOf(agent: string, state: StepState): AgentModel {
    let model = state.models.get(agent);
    if (!model) {
      const current = this.timeline.modelAt(agent, state.run.startUs);
      model = { provider: current.provider, name: current.model, profile: modelProfile(current.model) };
      state.models.set(agent, model);
    }
    return model;
  }

  /** Now and then a provider has a bad day (an outage, a quota cut) and fails far more often. */
  private drawFailureRates(dayIndex: number): void {
    if (dayIndex === this.failureDay) return;
    this.failureDay = dayIndex;
    this.failureRates = new Map(
      PROVIDERS.map((provider) => [provider, this.random.chance(0.04) ? OUTAGE_FAILURE_RATE : BASE_FAILURE_RATE]),
    );
  }
}

type StepState = {
  clockUs: number;
  emitted: number;
  run: Run;
  speed: number;
  emit: Emit;
  models: Map<string, AgentModel>;
};

/** Consecutive analysts form one parallel step; every other agent is a step of its own. */
function groupParallelAnalysts(agents: string[]): string[][] {
  const steps: string[][] = [];
  for (const agent of agents) {
    const last = steps[steps.length - 1];
    const parallel = (ANALYSTS as readonly string[]).includes(agent);
    if (parallel && last && (ANALYSTS as readonly string[]).includes(last[0]!)) last.push(agent);
    else steps.push([agent]);
  }
  return steps;
}
