import { type Browser, expect, type Page, test } from "@playwright/test";
import { signIn } from "./accounts";

/** A page in a browser context of its own (its own cookies), signed in when credentials are given. */
export async function newSignedInPage(browser: Browser, username?: string, password?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  if (username && password) await signIn(page, username, password);
  return page;
}

export const toolbar = (page: Page) => page.getByRole("toolbar", { name: "报告操作" });

/** Opens a report action's dialog from the action bar and confirms it (with a comment when given). */
export async function act(page: Page, label: string, comment?: string) {
  await toolbar(page).getByRole("button", { name: label, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: label });
  await expect(dialog).toBeVisible();
  if (comment !== undefined) await dialog.getByRole("textbox").fill(comment);
  await dialog.getByRole("button", { name: `确认${label}` }).click();
}

/** `act`, then waits for the report's new status. */
export async function actTo(page: Page, label: string, status: string, comment?: string) {
  await act(page, label, comment);
  await expect(page.getByTestId("report-status")).toHaveText(status);
}

/** Reloads a report's page (another user changed it) and checks the status it shows. */
export async function reloadShows(page: Page, status: string) {
  await page.reload();
  await expect(page.getByTestId("report-status")).toHaveText(status);
}
