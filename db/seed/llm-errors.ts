import type { Provider } from "@/db/schema/enums";
import type { ModelProfile } from "./models";
import type { Random } from "./random";

export type FailureKind = "rate_limit" | "overloaded" | "timeout" | "context_length" | "invalid_json";

/** What a failed call still costs: rejected requests nothing, a timeout its prompt, an unparsable answer everything. */
export const BILLED: Record<FailureKind, "nothing" | "input" | "everything"> = {
  rate_limit: "nothing",
  overloaded: "nothing",
  context_length: "nothing",
  timeout: "input",
  invalid_json: "everything",
};

const KIND_WEIGHTS: Record<Provider, readonly (readonly [FailureKind, number])[]> = {
  claude: [
    ["overloaded", 35],
    ["rate_limit", 25],
    ["timeout", 20],
    ["invalid_json", 15],
    ["context_length", 5],
  ],
  gpt: [
    ["rate_limit", 40],
    ["invalid_json", 25],
    ["timeout", 20],
    ["overloaded", 10],
    ["context_length", 5],
  ],
  gemini: [
    ["rate_limit", 35],
    ["overloaded", 25],
    ["invalid_json", 20],
    ["timeout", 15],
    ["context_length", 5],
  ],
  perplexity: [
    ["rate_limit", 40],
    ["timeout", 35],
    ["invalid_json", 15],
    ["overloaded", 10],
  ],
};

const INVALID_JSON = [
  "JSONDecodeError: Expecting ',' delimiter: line 14 column 5 (char 612)",
  "JSONDecodeError: Expecting value: line 1 column 1 (char 0)",
  "응답 JSON 파싱 실패: Unterminated string starting at: line 22 column 18 (char 1043)",
  "Failed to parse structured output: Extra data: line 31 column 2 (char 1877)",
];

function messagesFor(provider: Provider, model: ModelProfile): Record<FailureKind, string[]> {
  switch (provider) {
    case "claude":
      return {
        overloaded: [
          "Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}",
        ],
        rate_limit: [40_000, 80_000].map(
          (limit) =>
            `Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'This request would exceed the rate limit for your organization of ${limit.toLocaleString("en-US")} input tokens per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits.'}}`,
        ),
        timeout: ["Request timed out.", "Timeout after 60s waiting for Anthropic response"],
        context_length: [
          "Error code: 400 - {'type': 'error', 'error': {'type': 'invalid_request_error', 'message': 'prompt is too long: 203145 tokens > 200000 maximum'}}",
        ],
        invalid_json: INVALID_JSON,
      };
    case "gpt":
      return {
        rate_limit: [
          [196_412, 8_120, "1.359s"],
          [199_870, 12_388, "3.775s"],
        ].map(
          ([used, requested, wait]) =>
            `Error code: 429 - {'error': {'message': 'Rate limit reached for ${model.apiId} in organization org-7Qk2mLx9aVd1 on tokens per min (TPM): Limit 200000, Used ${used}, Requested ${requested}. Please try again in ${wait}. Visit https://platform.openai.com/account/rate-limits to learn more.', 'type': 'tokens', 'param': None, 'code': 'rate_limit_exceeded'}}`,
        ),
        overloaded: [
          "Error code: 503 - {'error': {'message': 'The server is overloaded or not ready yet.', 'type': 'server_error', 'param': None, 'code': None}}",
        ],
        timeout: ["Request timed out.", "httpx.ReadTimeout: The read operation timed out"],
        context_length: [
          `Error code: 400 - {'error': {'message': "This model's maximum context length is 400000 tokens. However, your messages resulted in 412377 tokens. Please reduce the length of the messages.", 'type': 'invalid_request_error', 'param': 'messages', 'code': 'context_length_exceeded'}}`,
        ],
        invalid_json: INVALID_JSON,
      };
    case "gemini":
      return {
        rate_limit: [
          "429 Resource has been exhausted (e.g. check quota).",
          "429 Quota exceeded for quota metric 'Generate Content API requests per minute'",
        ],
        overloaded: ["503 The model is overloaded. Please try again later."],
        timeout: ["504 Deadline Exceeded"],
        context_length: ["400 The input token count (1114112) exceeds the maximum number of tokens allowed (1048576)."],
        invalid_json: INVALID_JSON,
      };
    case "perplexity":
      return {
        rate_limit: [
          "Error code: 429 - {'error': {'message': 'Rate limit exceeded', 'type': 'rate_limit_error', 'code': 429}}",
        ],
        overloaded: ["Error code: 503 - Service Temporarily Unavailable"],
        timeout: ["Request timed out.", "httpx.ReadTimeout: The read operation timed out"],
        context_length: [],
        invalid_json: INVALID_JSON,
      };
  }
}

const cache = new Map<string, Record<FailureKind, string[]>>();

/** A failure as the provider's SDK reports it; messages are built once per model and reused. */
export function drawFailure(
  provider: Provider,
  model: ModelProfile,
  random: Random,
): { kind: FailureKind; message: string } {
  const key = `${provider}|${model.alias}`;
  let messages = cache.get(key);
  if (!messages) {
    messages = messagesFor(provider, model);
    cache.set(key, messages);
  }
  const kind = random.weighted(KIND_WEIGHTS[provider]);
  return { kind, message: random.pick(messages[kind]) };
}

/** How long the client waited before the failure: rejections come back fast, timeouts at the 60 s limit. */
export function failureLatencyMs(kind: FailureKind, normalMs: number, random: Random): number {
  switch (kind) {
    case "rate_limit":
      return random.between(80, 600);
    case "overloaded":
      return random.between(300, 3000);
    case "context_length":
      return random.between(100, 400);
    case "timeout":
      return 60_000 + random.between(0, 400);
    case "invalid_json":
      return normalMs;
  }
}
