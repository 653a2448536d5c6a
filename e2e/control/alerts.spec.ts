// An operator sets up alerting on /alerts: a rule of their own, a channel (refused in words until its address and
// secret are right), a test message that reaches a real receiver with a signature that verifies, the history that
// shows it, and a silence; in light and dark, axe clean.
import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { startReceiver } from "@/lib/server/alerts/testing-receiver";
import { expectAccessible, pageErrors } from "../page-checks";
import { signIn } from "./sign-in";

const SECRET = "e2e-signing-secret-0123456789abcdef";

for (const scheme of ["light", "dark"] as const) {
  test(`an operator adds a rule and a channel, sends a test, sees it in the history and silences the rule (${scheme})`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const receiver = await startReceiver();
    const errors = pageErrors(page);
    await page.emulateMedia({ colorScheme: scheme });
    await signIn(page, "/alerts");
    await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
    const ruleName = `Provider failures, strict (${scheme})`;
    const channelName = `Desk receiver (${scheme})`;

    // A rule of the operator's own: a wrong threshold is refused beside its field, nothing is added.
    const ruleForm = page.getByRole("form", { name: "Add a rule" });
    await ruleForm.getByLabel("Kind").selectOption({ label: "Provider failures" });
    await ruleForm.getByLabel("Name").fill(ruleName);
    await ruleForm.getByLabel("Failure rate (%)").fill("150");
    await ruleForm.getByRole("button", { name: "Add rule" }).click();
    const rate = ruleForm.getByLabel("Failure rate (%)");
    await expect(rate).toHaveAttribute("aria-invalid", "true");
    await expect(rate).toHaveAccessibleDescription(/Enter a number from 1 to 100/);
    await expect(page.getByText(ruleName, { exact: true })).toHaveCount(0);
    await rate.fill("50");
    await ruleForm.getByLabel("Minimum calls").fill("5");
    await ruleForm.getByRole("button", { name: "Add rule" }).click();
    const rules = page.getByRole("region", { name: "Rules" });
    await expect(rules.getByText(ruleName, { exact: true })).toBeVisible();

    // A channel: a bad address and a short secret are refused in words, then the right ones are saved.
    const channelForm = page.getByRole("form", { name: "Add a channel" });
    await channelForm.getByLabel("Type").selectOption({ label: "Webhook" });
    await channelForm.getByLabel("Channel name").fill(channelName);
    await channelForm.getByLabel("URL").fill("http://example.com/hook");
    await channelForm.getByLabel("Signing secret").fill("short");
    await channelForm.getByRole("button", { name: "Add channel" }).click();
    await expect(channelForm.getByLabel("URL")).toHaveAccessibleDescription(/Only https addresses are accepted/);
    await expect(channelForm.getByLabel("Signing secret")).toHaveAccessibleDescription(/16 to 200 characters/);
    await channelForm.getByLabel("URL").fill(`${receiver.url}/agent-desk`);
    await channelForm.getByLabel("Signing secret").fill(SECRET);
    await channelForm.getByRole("button", { name: "Add channel" }).click();
    const channels = page.getByRole("region", { name: "Channels" });
    await expect(channels.getByText(channelName)).toBeVisible();
    expect(await page.content()).not.toContain(SECRET); // never shown back

    // "Send a test": the receiver gets a signed request, the page says what it answered, the history keeps it.
    await channels.getByRole("button", { name: `Send a test to ${channelName}` }).click();
    await expect(channels.getByRole("status")).toHaveText("Sent: the channel answered HTTP 200");
    const sent = receiver.received.find((r) => JSON.parse(r.body.toString()).kind === "test")!;
    const timestamp = String(sent.headers["x-agent-desk-timestamp"]);
    const mac = createHmac("sha256", SECRET).update(`${timestamp}.`).update(sent.body).digest("hex");
    expect(sent.headers["x-agent-desk-signature"]).toBe(`sha256=${mac}`);
    await page.reload();
    const history = page.getByRole("region", { name: "History" });
    await expect(history.getByText(`${channelName}: sent`).first()).toBeVisible();

    // Silence the new rule for two hours, then end the silence.
    const silenceForm = page.getByRole("form", { name: "Silence" });
    await silenceForm.getByLabel("Rule").selectOption({ label: ruleName });
    await silenceForm.getByLabel("Hours").fill("2");
    await silenceForm.getByLabel("Reason").fill(`broker maintenance (${scheme})`);
    await silenceForm.getByRole("button", { name: "Silence" }).click();
    const silences = page.getByRole("region", { name: "Silences" });
    await expect(silences.getByText(`broker maintenance (${scheme})`, { exact: false })).toBeVisible();
    await expectAccessible(page, `/alerts with a rule, a channel and a silence (${scheme})`);
    await silences.getByRole("button", { name: `End the silence of ${ruleName}` }).click();
    await expect(silences.getByText(`broker maintenance (${scheme})`, { exact: false })).toHaveCount(0);

    // Leave the shared control server as it was: the channel and the rule go.
    await channels.getByRole("button", { name: `Remove ${channelName}` }).click();
    await expect(channels.getByText(channelName)).toHaveCount(0);
    await rules.getByRole("button", { name: `Delete ${ruleName}` }).click();
    await expect(rules.getByText(ruleName, { exact: true })).toHaveCount(0);
    expect(errors).toEqual([]);
    await receiver.close();
  });
}
