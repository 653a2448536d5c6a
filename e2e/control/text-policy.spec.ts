import { expect, test, type Page } from "@playwright/test";
import { CONTROL_PASSWORD } from "./settings";

// The text policy (lib/form-text.ts) as an operator meets it in the rollback dialog: a note that could spoof the
// timeline is refused by the server, naming the note, and nothing is rolled back. Nothing changes when it passes, so
// it runs beside the other control specs; for the same reason it checks only what it could have written itself.

type Swap = {
  id: number;
  agent_name: string;
  reason: string;
  status: string;
  rollback_of: number | null;
  can_roll_back: boolean;
};

async function signIn(page: Page) {
  await page.goto("/evolution");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Password").fill(CONTROL_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/evolution/);
}

async function swaps(page: Page): Promise<Swap[]> {
  return (await page.request.get("/api/evolution")).json();
}

test("a rollback note with a text-direction override, an invisible character or a line break is refused, and nothing is rolled back", async ({
  page,
}) => {
  await signIn(page);
  const before = await swaps(page);
  // The oldest swap that can be rolled back (the demo's): the control specs running beside this one record and roll
  // back swaps of their own, always the newest.
  const swap = before.filter((s) => s.can_roll_back).sort((a, b) => a.id - b.id)[0];
  if (!swap) throw new Error("the demo has no swap that can be rolled back");

  await page.goto(`/evolution?agent=${encodeURIComponent(swap.agent_name)}`);
  const row = page.getByRole("row").filter({ has: page.getByText(`#${swap.id}`, { exact: true }) });
  await row.getByRole("button", { name: "Roll back" }).click();
  const dialog = page.getByRole("dialog", { name: `Roll back swap #${swap.id}` });
  const refused = async (error: string) => {
    await dialog.getByRole("button", { name: "Confirm rollback" }).click();
    await expect(dialog.getByRole("alert")).toHaveText(error); // the server's answer: the dialog checks nothing itself
  };

  await dialog.getByLabel("Note (optional)").fill("worse fills \u202Eslif");
  await refused("Note holds a text-direction character (U+202E)");
  await dialog.getByLabel("Note (optional)").fill("worse\u200Bfills");
  await refused("Note holds an invisible character (U+200B)");
  // A line break the one-line input cannot hold: what a hand-made request sends, through the same form.
  await dialog.getByLabel("Note (optional)").evaluate((input: HTMLInputElement) => {
    const note = Object.assign(document.createElement("textarea"), {
      name: "note",
      value: `worse fills\nRollback of swap #1: approved`,
    });
    input.replaceWith(note);
  });
  await refused("Note must be one line: it holds a line break");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  const after = await swaps(page);
  const added = after.filter((s) => !before.some((b) => b.id === s.id)); // other specs may record swaps meanwhile
  expect(
    added.filter((s) => s.rollback_of === swap.id || s.reason.startsWith(`Rollback of swap #${swap.id} `)),
  ).toEqual([]);
  expect(after.find((s) => s.id === swap.id)!.status).not.toBe("rolled_back");
});
