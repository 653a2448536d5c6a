import { expect, type Page } from "@playwright/test";
import { CONTROL_PASSWORD } from "./settings";

/** Signs in on the `control` server from `path`, which sends the browser to /login and back. */
export async function signIn(page: Page, path = "/evolution") {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Password").fill(CONTROL_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(path.replace("?", "\\?")));
}
