import { NOTICE_KINDS } from "./rule-kinds";
import type { AlertRule, Observation } from "./rules";

/** An instance's standing between two evaluations (agent_desk_alert_states). */
export type InstanceState = {
  instance: string;
  /** 'firing', or 'seen': a notice already taken in. */
  state: "firing" | "seen";
  since: number;
  /** When it was last sent (null: not yet, because a silence held it). */
  notifiedAt: number | null;
  /** When its condition was first seen clear; it resolves if still clear at the next round (null: firing). */
  clearSince: number | null;
  value: number | null;
  threshold: number | null;
  facts: Observation["facts"];
};

/** A silence as the evaluator needs it: a rule, one instance of it or all (null), until when. */
export type ActiveSilence = { id: number; ruleId: number; instance: string | null; startsAt: number; endsAt: number };

/** Something that happened to an instance: recorded in the history, and sent unless a silence held it. */
export type Transition = {
  instance: string;
  state: "firing" | "resolved" | "notice";
  /** A firing instance sent again after the rule's repeat interval. */
  repeat: boolean;
  since: number;
  value: number | null;
  threshold: number | null;
  facts: Observation["facts"];
  /** The silence that held it back. */
  silenceId: number | null;
  /** Sent to the channels (false: held by a silence, or the resolution of a firing nobody was told of). */
  send: boolean;
  /** When it happened, where that was before it could be written (the file refused writes); else the round's time. */
  at?: number;
};

export type Evaluation = {
  /** Every instance's state after this evaluation (an instance not listed has none: ok). */
  states: InstanceState[];
  transitions: Transition[];
};

/**
 * One rule's step of the state machine (Alertmanager's, per instance): ok → firing → resolved. A firing instance
 * is sent once when it starts, again only after the rule's repeat interval while it stays firing, and once when it
 * resolves (clear at two rounds in a row), if its firing was sent. A silence keeps an instance from being sent without changing its state: when
 * the silence ends and the instance still fires, it is sent then. A notice (a swap recorded) is sent once; on the
 * rule's first look (`firstLook`) what already exists is taken in without sending, so a new desk does not announce
 * a week of old swaps. Pure: the loop reads the states and writes what this returns in one transaction.
 */
export function evaluateRule(
  rule: Pick<AlertRule, "id" | "kind" | "repeatMinutes">,
  observations: Observation[],
  previous: InstanceState[],
  silences: ActiveSilence[],
  now: number,
  firstLook: boolean,
): Evaluation {
  const before = new Map(previous.map((s) => [s.instance, s]));
  const silenceOf = (instance: string) =>
    silences.find(
      (s) =>
        s.ruleId === rule.id && (s.instance === null || s.instance === instance) && s.startsAt <= now && now < s.endsAt,
    )?.id ?? null;
  const states: InstanceState[] = [];
  const transitions: Transition[] = [];
  const record = (
    state: InstanceState,
    kind: Transition["state"],
    repeat: boolean,
    silenceId: number | null,
    send = silenceId === null,
  ) =>
    transitions.push({
      instance: state.instance,
      state: kind,
      repeat,
      since: state.since,
      value: state.value,
      threshold: state.threshold,
      facts: state.facts,
      silenceId,
      send,
    });

  if (NOTICE_KINDS.includes(rule.kind)) {
    for (const o of observations) {
      if (!o.firing) continue;
      const seen = before.get(o.instance);
      if (seen) {
        states.push(seen);
        continue;
      }
      const silenceId = silenceOf(o.instance);
      const state: InstanceState = {
        ...fromObservation(o, now),
        state: "seen",
        notifiedAt: silenceId !== null ? null : now,
      };
      states.push(state);
      if (!firstLook) record(state, "notice", false, silenceId);
    }
    return { states, transitions };
  }

  const repeatMs = rule.repeatMinutes * 60_000;
  const firing = new Set<string>();
  for (const o of observations) {
    if (!o.firing) continue;
    firing.add(o.instance);
    const was = before.get(o.instance);
    const silenceId = silenceOf(o.instance);
    if (!was) {
      const state: InstanceState = { ...fromObservation(o, now), notifiedAt: silenceId !== null ? null : now };
      states.push(state);
      record(state, "firing", false, silenceId);
      continue;
    }
    const state: InstanceState = { ...was, value: o.value, threshold: o.threshold, facts: o.facts, clearSince: null };
    if (!silenceId && (was.notifiedAt === null || now - was.notifiedAt >= repeatMs)) {
      // Held back by a silence until now, or due again.
      record(state, "firing", was.notifiedAt !== null, null);
      state.notifiedAt = now;
    }
    states.push(state);
  }
  for (const was of previous) {
    if (firing.has(was.instance)) continue;
    const last = observations.find((o) => o.instance === was.instance);
    const resolved: InstanceState = last
      ? { ...was, value: last.value, threshold: last.threshold, facts: last.facts }
      : was;
    // Clear at one round and at the next before it resolves: a figure hovering at its threshold would otherwise
    // send a firing and a resolution every round (Grafana's "keep firing for").
    if (was.clearSince === null) {
      states.push({ ...resolved, clearSince: now });
      continue;
    }
    // A resolution is news only to those who were told it fired.
    const silenceId = silenceOf(was.instance);
    record(resolved, "resolved", false, silenceId, silenceId === null && was.notifiedAt !== null);
  }
  return { states, transitions };
}

function fromObservation(o: Observation, now: number): InstanceState {
  return {
    instance: o.instance,
    state: "firing",
    since: now,
    notifiedAt: null,
    clearSince: null,
    value: o.value,
    threshold: o.threshold,
    facts: o.facts,
  };
}
