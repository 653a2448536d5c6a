import type { Page } from "@playwright/test";

/**
 * The value of the key figure labelled `label`. components/ui/stat.tsx draws each figure as a card of its own, a
 * term and then its definitions (the value first), so the card is the innermost element that holds the term.
 */
export function statValue(page: Page, label: string) {
  // The term starts with the label; after it come its "?" and, hidden until opened, the explanation's words.
  const term = page
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });
  return page
    .locator("div")
    .filter({ has: term, hasNot: page.locator("div") })
    .getByRole("definition")
    .first();
}
