import { randomBytes } from "node:crypto";
import { type Browser, type BrowserContext, expect, type Locator, type Page } from "@playwright/test";
import { signInWithForm } from "./accounts";

/** On 账号管理: opens 新建账号 and fills in who (user name, name, role); returns the form (not submitted). */
export async function openNewAccountForm(page: Page, a: { username: string; name: string; role: string }): Promise<Locator> {
  await page.getByRole("button", { name: "新建账号" }).click();
  const form = page.getByRole("form", { name: "新建账号" });
  await form.getByLabel("用户名").fill(a.username);
  await form.getByLabel("姓名").fill(a.name);
  await form.getByLabel("角色").selectOption(a.role);
  return form;
}

/** The one-time temporary password the page shows after 创建账号 (14 letters and digits). */
export async function shownTemporaryPassword(page: Page): Promise<string> {
  const temp = (await page.getByTestId("temporary-password").textContent())?.trim() ?? "";
  expect(temp).toMatch(/^[A-Za-z0-9]{14}$/);
  return temp;
}

/** Creates a 财政审核人 account through the admin page (the admin is signed in); returns its temporary password. */
export async function createAccountViaPage(page: Page, username: string): Promise<string> {
  await page.goto("/admin/accounts");
  const form = await openNewAccountForm(page, { username, name: "测试审核人", role: "REVIEWER" });
  await form.getByRole("button", { name: "创建账号" }).click();
  return shownTemporaryPassword(page);
}

/** First sign-in with the temporary password: the new password is required before anything else. Returns the new password. */
export async function firstSignIn(page: Page, username: string, temp: string): Promise<string> {
  await signInWithForm(page, username, temp);
  await expect(page).toHaveURL(/\/account\/password$/);
  const mine = `Own-${randomBytes(4).toString("hex")}-Pw`;
  await page.getByLabel("临时密码").fill(temp);
  await page.getByLabel("新密码", { exact: true }).fill(mine);
  await page.getByLabel("再次输入新密码").fill(mine);
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  return mine;
}

/** A browser that only has a copy of an ended session's cookies: asking for a page sends it to 登录. Returns that page. */
export async function replayedSession(browser: Browser, cookies: Parameters<BrowserContext["addCookies"]>[0]): Promise<Page> {
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const page = await replay.newPage();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  return page;
}
