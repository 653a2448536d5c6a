import type { Provider, SwapTrigger } from "@/db/schema/enums";
import type { AgentConfig } from "@/lib/server/agent-config";
import { dayBeforeEnd, type Period } from "./period";
import type { Random } from "./random";

export type Swap = {
  wallUs: number;
  agent: string;
  oldProvider: Provider;
  oldModel: string;
  newProvider: Provider;
  newModel: string;
  reason: string;
  performanceImprovement: number;
  triggeredBy: SwapTrigger;
  validationPeriodDays: number;
  rollbackThreshold: number;
};

type Target = { provider: Provider; model: string };

type PlannedSwap = {
  daysBeforeEnd: number;
  agent: string;
  /** The model to move to, or "rollback": back to the model before the agent's previous swap. */
  to: Target | "rollback";
  reason: string | ((rolledBack: Swap) => string);
  expected: number;
  trigger: SwapTrigger;
  validationDays?: number;
  rollbackThreshold?: number;
};

/**
 * The swap history the demo tells, judged as lib/swap-verdict.ts does (db/queries/evolution.test.ts checks it for an
 * end on each day of the week): routine upgrades and cost cuts; technical_analyst's move to sonnet-4 that clearly
 * breached and was rolled back after 18 days, the rollback to gpt-5 clearly passing (both with 14-day windows: about
 * 20 trades a side, enough to see a change of one spread); flow_analyst's cost cut to flash-lite, worse and waiting
 * for a reviewer (breached or, on some weekdays, not yet beyond noise); valuation_analyst's move to gemini-2.5-pro
 * that changed nothing (inconclusive, its interval around the threshold); and sector_researcher's cost test still
 * inside its validation window.
 */
const PLAN: PlannedSwap[] = [
  {
    daysBeforeEnd: 86,
    agent: "ticker_screener",
    to: { provider: "gpt", model: "gpt-5-mini" },
    reason: "스크리닝 누락률 12% 관측: 복합 필터 조건 해석 정확도 개선을 위해 gpt-5-mini로 상향",
    expected: 0.08,
    trigger: "automatic",
  },
  {
    daysBeforeEnd: 79,
    agent: "fundamental_fetcher",
    to: { provider: "gemini", model: "flash-2.5" },
    reason:
      "Quarterly filings (사업보고서) exceed what flash-lite extracts reliably; flash-2.5 parses long tables better",
    expected: 0.1,
    trigger: "scheduled",
    validationDays: 14,
  },
  {
    daysBeforeEnd: 72,
    agent: "failure_attribution",
    to: { provider: "claude", model: "sonnet-4" },
    reason: "주간 성찰 비용 절감: 손실 원인 분석은 sonnet-4로 충분 (호출당 비용 약 80% 절감)",
    expected: -0.02,
    trigger: "manual",
    rollbackThreshold: -0.05,
  },
  {
    daysBeforeEnd: 64,
    agent: "technical_analyst",
    to: { provider: "claude", model: "sonnet-4" },
    reason: "model_benchmarker: sonnet-4 scored 12% higher than gpt-5 on chart-pattern backtests at 60% lower cost",
    expected: 0.12,
    trigger: "automatic",
    validationDays: 14,
  },
  {
    daysBeforeEnd: 49,
    agent: "portfolio_rebalancer",
    to: { provider: "gpt", model: "gpt-5-mini" },
    reason: "월간 정기 점검: 리밸런싱 진단에서 섹터 편중 미탐지 3건 → gpt-5-mini로 상향",
    expected: 0.05,
    trigger: "scheduled",
  },
  {
    daysBeforeEnd: 46,
    agent: "technical_analyst",
    to: "rollback",
    reason: (s) =>
      `Rollback of the ${s.oldModel} → ${s.newModel} swap of ${dateText(s.wallUs)}: technical-led trades lost money ` +
      `throughout the ${s.validationPeriodDays}-day validation window (threshold ${s.rollbackThreshold * 100}%). ` +
      `${s.oldModel} 복원`,
    expected: 0.15,
    trigger: "automatic",
    validationDays: 14,
  },
  {
    daysBeforeEnd: 38,
    agent: "model_benchmarker",
    to: { provider: "gemini", model: "gemini-2.5-pro" },
    reason:
      "Benchmarks replay 90 days of logs: gemini-2.5-pro's long context fits them in one call, far cheaper than opus-4.1",
    expected: 0.04,
    trigger: "scheduled",
    validationDays: 14,
  },
  {
    daysBeforeEnd: 33,
    agent: "flow_analyst",
    to: { provider: "gemini", model: "flash-lite" },
    reason: "비용 절감: 수급 분석이 Gemini 비용의 22%를 차지, flash-lite로 약 33% 절감 (정확도 손실은 허용 범위 예상)",
    expected: -0.03,
    trigger: "automatic",
    validationDays: 14,
  },
  {
    daysBeforeEnd: 31,
    agent: "trade_planner",
    to: { provider: "gpt", model: "gpt-5-mini" },
    reason: "KIS API 주문 거부 반복 (호가 단위 오류 주 4건): 주문 형식 변환 정확도 개선",
    expected: 0.06,
    trigger: "manual",
  },
  {
    daysBeforeEnd: 20,
    agent: "performance_analyzer",
    to: { provider: "claude", model: "sonnet-4" },
    reason: "Weekly cost review: performance aggregation is mostly arithmetic; sonnet-4 costs a fifth of opus-4.1",
    expected: -0.01,
    trigger: "scheduled",
  },
  {
    daysBeforeEnd: 16,
    agent: "valuation_analyst",
    to: { provider: "gemini", model: "gemini-2.5-pro" },
    reason: "DCF 추정 오차 개선: 장문 재무제표 추론이 필요한 밸류에이션에 gemini-2.5-pro 적용",
    expected: 0.1,
    trigger: "manual",
  },
  {
    daysBeforeEnd: 13,
    agent: "allocator",
    to: { provider: "gpt", model: "gpt-5-mini" },
    reason: "Position sizing off by one lot in 3 of the last 20 orders; gpt-5-mini follows the money-management rules",
    expected: 0.07,
    trigger: "automatic",
  },
  {
    daysBeforeEnd: 4,
    agent: "sector_researcher",
    to: { provider: "perplexity", model: "sonar" },
    reason: "비용 절감 테스트: 섹터 리서치를 sonar로 전환, 검색 품질 영향은 2주간 모니터링",
    expected: -0.03,
    trigger: "scheduled",
    validationDays: 14,
    rollbackThreshold: -0.05,
  },
];

/**
 * The story's swaps that fall inside the period, each starting from the model the agent ran just before (its
 * config baseline for the first). Swaps of agents the config lacks, or that would change nothing, are left out.
 */
export function planSwaps(period: Period, config: AgentConfig, random: Random): Swap[] {
  const current = new Map<string, Target>(Object.entries(config.agents).map(([name, a]) => [name, { ...a }]));
  const previous = new Map<string, Swap>();
  const swaps: Swap[] = [];
  for (const plan of PLAN) {
    const day = dayBeforeEnd(period, plan.daysBeforeEnd);
    const from = current.get(plan.agent);
    if (!day || !from) continue;
    const rolledBack = previous.get(plan.agent);
    if (plan.to === "rollback" && !rolledBack) continue;
    const to = plan.to === "rollback" ? { provider: rolledBack!.oldProvider, model: rolledBack!.oldModel } : plan.to;
    if (to.model === from.model && to.provider === from.provider) continue;
    const swap: Swap = {
      wallUs: day.startUs + timeOfDayUs(plan.trigger, day.weekday, random),
      agent: plan.agent,
      oldProvider: from.provider,
      oldModel: from.model,
      newProvider: to.provider,
      newModel: to.model,
      reason: typeof plan.reason === "string" ? plan.reason : plan.reason(rolledBack!),
      performanceImprovement: plan.expected,
      triggeredBy: plan.trigger,
      validationPeriodDays: plan.validationDays ?? 7,
      rollbackThreshold: plan.rollbackThreshold ?? -0.1,
    };
    swaps.push(swap);
    current.set(plan.agent, to);
    previous.set(plan.agent, swap);
  }
  return swaps;
}

const HOUR_US = 3_600_000_000;

/**
 * Cron jobs fire at 07:30, the reflection loop swaps after its Saturday run or after the close, people in the evening.
 */
function timeOfDayUs(trigger: SwapTrigger, weekday: number, random: Random): number {
  if (trigger === "scheduled") return 7.5 * HOUR_US + random.int(80_000, 900_000);
  const [from, to] = trigger === "manual" ? [18, 21] : weekday === 6 ? [12.7, 13.3] : [16.2, 16.8];
  return Math.floor(random.between(from, to) * HOUR_US);
}

function dateText(wallUs: number): string {
  return new Date(wallUs / 1000).toISOString().slice(0, 10);
}

/** The analyst-and-model pairings that decide poorly: trades they lead lose money. */
const WEAK_PAIRINGS: Record<string, string> = {
  flow_analyst: "flash-lite",
  technical_analyst: "sonnet-4",
  risk_analyst: "flash-2.5",
};

export function decidesPoorly(agent: string, model: string): boolean {
  return WEAK_PAIRINGS[agent] === model;
}
