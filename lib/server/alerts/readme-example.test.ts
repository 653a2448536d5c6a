import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { channelRequest } from "./channel-request";
import type { Channel } from "./channels";
import { sendRequest } from "./send";
import { startReceiver, type Receiver } from "./testing-receiver";

// The README's webhook verification example is what operators copy into their receivers: it must accept what Agent
// Desk really sends and refuse a changed body or an old request. Run here with python3, as written in the README.

const README = path.resolve(import.meta.dirname, "../../../README.md");

/** The first ```python block of the README's `## Alerts` section. */
function readmeExample(): string {
  const lines = fs.readFileSync(README, "utf8").split("\n");
  const start = lines.indexOf("## Alerts");
  if (start < 0) throw new Error("README.md has no '## Alerts' section");
  const end = lines.findIndex((line, i) => i > start && line.startsWith("## "));
  const section = lines.slice(start, end < 0 ? undefined : end);
  const open = section.indexOf("```python");
  const close = section.indexOf("```", open + 1);
  if (open < 0 || close < 0) throw new Error("the '## Alerts' section of README.md has no ```python block");
  return section.slice(open + 1, close).join("\n");
}

/** The README's verify(secret, headers, body), called by python3 on a request as a receiver got it. */
function pythonVerify(example: string, secret: string, headers: Record<string, unknown>, body: Buffer): boolean {
  const call = [
    "import base64, json, sys",
    "given = json.load(sys.stdin)",
    "print(verify(given['secret'], given['headers'], base64.b64decode(given['body'])))",
  ].join("\n");
  const run = spawnSync("python3", ["-c", `${example}\n\n${call}\n`], {
    input: JSON.stringify({ secret, headers, body: body.toString("base64") }),
    encoding: "utf8",
    timeout: 30_000,
  });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr || run.error}`);
  const printed = run.stdout.trim();
  if (printed !== "True" && printed !== "False") throw new Error(`verify printed ${printed}`);
  return printed === "True";
}

const SECRET = "whsec-readme-example-0123";

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe("the README's webhook verification example", () => {
  it("accepts what Agent Desk signs, and refuses a tampered body, a wrong secret and an old timestamp", async () => {
    const example = readmeExample();
    receiver = await startReceiver();
    const hook: Channel = {
      id: 1,
      kind: "webhook",
      name: "receiver",
      url: `${receiver.url}/hook`,
      secret: SECRET,
      chatId: null,
      locale: "ko",
      enabled: true,
    };
    const notification = {
      id: "d-7",
      text: "unused",
      payload: { id: "d-7", state: "firing", message: "비용 한도의 80 %를 넘었습니다 — LLM spend today" },
    };
    const send = async (now: number) => {
      await sendRequest(channelRequest(hook, notification, { telegramApiUrl: "unused", now }));
      return receiver!.received.at(-1)!;
    };

    const fresh = await send(Date.now());
    expect(pythonVerify(example, SECRET, fresh.headers, fresh.body)).toBe(true);
    const tampered = Buffer.from(fresh.body.toString("utf8").replace("firing", "resolved"));
    expect(pythonVerify(example, SECRET, fresh.headers, tampered)).toBe(false);
    expect(pythonVerify(example, "another-secret-0123456", fresh.headers, fresh.body)).toBe(false);
    expect(pythonVerify(example, SECRET, {}, fresh.body)).toBe(false);

    const old = await send(Date.now() - 10 * 60 * 1000);
    expect(pythonVerify(example, SECRET, old.headers, old.body)).toBe(false);
  });
});
