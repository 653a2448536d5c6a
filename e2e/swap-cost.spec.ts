import { expect, test, type Locator } from "@playwright/test";
import { expectAccessible } from "./page-checks";

// The swap form's cost panel: what the chosen agent's last 7 days of LLM calls would have cost on the typed model,
// computed in the browser from what the page carries (no request while the operator types). Read-only: it records
// nothing, so it runs on the demo (no password) rather than on the `control` server the swap journeys change.

const amount = (text: string) => Number(text.replace(/[$,]/g, ""));
/** Half a unit of the last digit `text` shows ($0.14 → 0.005, $0.5574 → 0.00005): how far rounding may have moved it. */
const halfUnit = (text: string) => 0.5 * 10 ** -(text.split(".")[1]?.length ?? 0);

/** The figures the panel shows, as written and as numbers. */
async function figures(panel: Locator) {
  const text = ((await panel.textContent()) ?? "").replaceAll("\u2212", "-"); // a minus sign, as some ICU data writes it
  const week = /on ([^:]+): (\$[\d,.]+) · on ([^:]+): (\$[\d,.]+) \(([+-]?[\d,]+)%\)/.exec(text);
  const money = /per day (\$[\d,.]+) → (\$[\d,.]+) · per month (\$[\d,.]+) → (\$[\d,.]+)/.exec(text);
  expect(week, text).not.toBeNull();
  expect(money, text).not.toBeNull();
  const [, , current, model, projected, percent] = week!;
  const [, dayBefore, dayAfter, monthBefore, monthAfter] = money!;
  return {
    current,
    model,
    projected,
    percent: Number(percent!.replaceAll(",", "")),
    dayBefore,
    dayAfter,
    monthBefore,
    monthAfter,
  };
}

/** The shown per-month figure is the shown per-day figure × 30, up to how both were rounded for display. */
function expectMonthFromDay(day: string, month: string) {
  expect(Math.abs(amount(month) - amount(day) * 30)).toBeLessThanOrEqual(30 * halfUnit(day) + halfUnit(month) + 1e-9);
}

test("the swap form prices the chosen agent's last 7 days on the typed model, and follows the model", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "demo", "needs the demo's calls");
  await page.goto("/evolution");
  await page.waitForLoadState("networkidle");
  const form = page.getByRole("form", { name: "Manual swap" });
  const panel = form.getByRole("status", { name: "Cost before you swap" });
  const asked: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" || new URL(r.url()).pathname.startsWith("/api/")) asked.push(r.url());
  });

  await form.getByLabel("Agent").selectOption("cio");
  await expect(panel).toHaveCount(0); // nothing to price before a model is typed
  await form.getByLabel("New model").fill("gpt-5-mini");
  await expect(panel).toContainText(/Last 7 days on .+: \$[\d,.]+ · on gpt-5-mini: \$[\d,.]+ \([+\-\u2212]?[\d,]+%\)/);
  await expect(panel).toContainText(/desk's daily spend \$[\d,.]+ → \$[\d,.]+ of \$[\d,.]+ \(cost_limit_daily\)/);
  await expect(panel).toContainText(/desk's 7-day spend \$[\d,.]+ → \$[\d,.]+ of \$[\d,.]+ \(cost_limit_weekly\)/);
  const mini = await figures(panel);
  expect(mini.model).toBe("gpt-5-mini");
  expect(amount(mini.current!)).toBeGreaterThan(0);
  expect(amount(mini.projected!)).toBeLessThan(amount(mini.current!)); // cio runs on a dearer model in the demo
  // The percentage is the change of the two 7-day figures shown (each rounded to the cent: within a point).
  const change = ((amount(mini.projected!) - amount(mini.current!)) / amount(mini.current!)) * 100;
  expect(Math.abs(mini.percent - change)).toBeLessThanOrEqual(1);
  expectMonthFromDay(mini.dayBefore!, mini.monthBefore!);
  expectMonthFromDay(mini.dayAfter!, mini.monthAfter!);

  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page, `/evolution with the cost panel (${scheme})`);
  }

  await form.getByLabel("New model").fill("gpt-5");
  await expect(panel).toContainText(/ · on gpt-5: \$/);
  const gpt5 = await figures(panel);
  expect(gpt5.current).toBe(mini.current); // the same calls
  expect(amount(gpt5.projected!)).toBeGreaterThan(amount(mini.projected!));
  expect(gpt5.percent).not.toBe(mini.percent);
  expect(gpt5.monthAfter).not.toBe(mini.monthAfter);
  expectMonthFromDay(gpt5.dayAfter!, gpt5.monthAfter!);

  await form.getByLabel("New model").fill("llama-3-70b");
  await expect(panel).toHaveText("No price for llama-3-70b in llm-prices.yaml");
  expect(asked).toEqual([]);
});
