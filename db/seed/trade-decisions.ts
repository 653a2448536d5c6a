import { ANALYSTS } from "./agent-calls";
import { round } from "./market";
import type { ModelTimeline } from "./model-timeline";
import type { Random } from "./random";
import { SeedError } from "./seed-error";
import { decidesPoorly } from "./story";

export type Decision = {
  leader: string;
  /** agent → share of the decision, summing to 1 (to rounding). */
  contributions: Record<string, number>;
  /** The decision's return over the next week, as a fraction of the traded amount. */
  weekReturn: number;
  /** The CIO's confidence, 0.4-0.95. */
  confidence: number;
};

/** How often each agent's view carries a decision, dealt from a shuffled deck so every month sees its share. */
const LEADER_DECK = [
  ...Array<string>(5).fill("valuation_analyst"),
  ...Array<string>(5).fill("technical_analyst"),
  ...Array<string>(4).fill("flow_analyst"),
  ...Array<string>(4).fill("risk_analyst"),
  ...Array<string>(3).fill("cio"),
  ...Array<string>(2).fill("sector_researcher"),
];

const GOOD_EDGE = 0.025;
const POOR_EDGE = -0.03;

/**
 * Who carried each decision and how it turned out. The PnL follows the leading agent: a trade led by an agent on
 * a model it decides poorly with (story.ts) tends to lose, any other tends to win. The CIO weighs most the views
 * that matched the one that prevailed (and counts its own view for little when it followed an analyst in poor
 * form), so an agent in poor form gets little credit for the good trades it took part in and much of the blame
 * for the bad ones: that is what makes get_underperforming_agents single out exactly the agents in poor form.
 */
export class DecisionMaker {
  private deck: string[] = [];
  private readonly leaders: string[];

  constructor(
    private readonly timeline: ModelTimeline,
    private readonly random: Random,
  ) {
    this.leaders = LEADER_DECK.filter((agent) => timeline.knows(agent));
    if (this.leaders.length === 0) {
      throw new SeedError("the agent config has none of the analysts or the cio that the demo's trades need");
    }
  }

  decide(wallUs: number): Decision {
    const random = this.random;
    const known = (agent: string) => this.timeline.knows(agent);
    if (this.deck.length === 0) this.deck = random.shuffle([...this.leaders]);
    const leader = this.deck.pop()!;
    const participants: string[] = ANALYSTS.filter(
      (agent) => agent === leader || (known(agent) && random.chance(0.93)),
    );
    if (known("cio")) participants.push("cio");
    if (leader === "sector_researcher" || (known("sector_researcher") && random.chance(0.2)))
      participants.push("sector_researcher");
    const poor = (agent: string) => decidesPoorly(agent, this.timeline.modelAt(agent, wallUs).model);
    const poorLead = poor(leader);

    const leaderShare = random.between(0.38, 0.55);
    const cioFollows = leader !== "cio" && participants.includes("cio");
    const cioShare = !cioFollows ? 0 : poorLead ? random.between(0.05, 0.1) : random.between(0.15, 0.25);
    const others = participants.filter((agent) => agent !== leader && agent !== "cio");
    const weights = others.map((agent) =>
      poor(agent) === poorLead ? random.between(0.6, 1) : random.between(0.05, 0.2),
    );
    const otherWeight = weights.reduce((sum, w) => sum + w, 0);
    const contributions: Record<string, number> = {};
    for (const agent of participants) {
      const share =
        agent === leader
          ? others.length === 0
            ? 1 - cioShare
            : leaderShare
          : agent === "cio"
            ? cioShare
            : ((1 - leaderShare - cioShare) * weights[others.indexOf(agent)]!) / otherWeight;
      contributions[agent] = round(share, 3);
    }
    return {
      leader,
      contributions,
      weekReturn: (poorLead ? POOR_EDGE : GOOD_EDGE) * random.between(0.6, 1.4) + 0.012 * random.normal(),
      confidence: round(Math.min(0.95, Math.max(0.4, random.between(0.45, 0.9) + (poorLead ? -0.02 : 0.03))), 2),
    };
  }
}
