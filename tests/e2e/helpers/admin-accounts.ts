import { expect, type Page } from "@playwright/test";

/** Creates a 财政审核人 account through the admin page (the admin is signed in); returns its temporary password. */
export async function createAccountViaPage(page: Page, username: string): Promise<string> {
  await page.goto("/admin/accounts");
  await page.getByRole("button", { name: "新建账号" }).click();
  const form = page.getByRole("form", { name: "新建账号" });
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("姓名").fill("测试审核人");
  await form.getByLabel("角色").selectOption("REVIEWER");
  await form.getByRole("button", { name: "创建账号" }).click();
  const temp = (await page.getByTestId("temporary-password").textContent())?.trim() ?? "";
  expect(temp).toMatch(/^[A-Za-z0-9]{14}$/);
  return temp;
}
