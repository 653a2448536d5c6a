import { SeedError } from "./seed-error";

const DEFAULT_DAYS = 90;
const DEFAULT_SEED = 42;
const MAX_DAYS = 3650;
const MAX_LLM_ROWS = 100_000_000;
const MAX_TRADES = 10_000_000;

export type SeedArgs = { days?: string; "llm-rows"?: string; trades?: string; seed?: string; end?: string };

export type SeedSettings = {
  days: number;
  /** Exactly this many llm_usage_log rows; undefined: as many as the story's runs make. */
  llmRows: number | undefined;
  /**
   * About this many trades, spread over the trading days (today's cut at the current time may drop a few); undefined:
   * 1-4 a day.
   */
  trades: number | undefined;
  seed: number;
  /** The last day of data, `YYYY-MM-DD` in the data zone. */
  end: string;
};

/** Checks the command line's values; `today` is the current date in the data zone (the default and latest end). */
export function parseSeedArgs(args: SeedArgs, today: string): SeedSettings {
  return {
    days: args.days === undefined ? DEFAULT_DAYS : wholeNumber("--days", args.days, 1, MAX_DAYS),
    llmRows: args["llm-rows"] === undefined ? undefined : wholeNumber("--llm-rows", args["llm-rows"], 1, MAX_LLM_ROWS),
    trades: args.trades === undefined ? undefined : wholeNumber("--trades", args.trades, 1, MAX_TRADES),
    seed: args.seed === undefined ? DEFAULT_SEED : seedNumber(args.seed),
    end: args.end === undefined ? today : endDate(args.end, today),
  };
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new SeedError(`${flag} must be a whole number from ${min} to ${max}, not '${text}'`);
  }
  return value;
}

function seedNumber(text: string): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new SeedError(`--seed must be an integer, not '${text}'`);
  }
  return value;
}

function endDate(text: string, today: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== text) {
    throw new SeedError(`--end must be a date written YYYY-MM-DD, not '${text}'`);
  }
  if (text > today)
    throw new SeedError(`--end ${text} is in the future (today is ${today}); the demo has no future events`);
  return text;
}
