import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signInAs, signInWithForm } from "./helpers/accounts";
import { createAccountViaPage, firstSignIn, openNewAccountForm, replayedSession, shownTemporaryPassword } from "./helpers/admin-accounts";

test("管理员新建账号→临时密码只显示一次→首次登录必须改密码→停用后原登录立即失效", async ({ page, browser }) => {
  const username = `e2e.${randomBytes(3).toString("hex")}`;
  await signInAs(page, "ADMIN");
  await page.goto("/admin/accounts");
  await expect(page.getByRole("heading", { name: "账号管理" })).toBeVisible();

  const form = await openNewAccountForm(page, { username, name: "测试填报人", role: "OWNER" });
  // An owner without a department is refused before anything is sent.
  await form.getByRole("button", { name: "创建账号" }).click();
  await expect(form.getByText("项目填报人必须选择所属部门")).toBeVisible();
  await form.getByLabel("所属部门").selectOption({ index: 1 });
  await form.getByRole("button", { name: "创建账号" }).click();
  const temp = await shownTemporaryPassword(page);
  await page.screenshot({ path: ".data/test-results/admin-accounts-created.png", fullPage: true });
  await page.getByRole("button", { name: "我已记下，关闭" }).click();
  await expect(page.getByTestId("temporary-password")).toHaveCount(0);
  await expect(page.getByTestId("account-table")).toContainText(username);

  // The new user, in a browser of their own.
  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await signInWithForm(user, username, temp);
  await expect(user).toHaveURL(/\/account\/password$/);
  await expect(user.getByRole("heading", { name: "请设置新密码" })).toBeVisible();
  // Nothing else is reachable until the password is set.
  await user.goto("/projects");
  await expect(user).toHaveURL(/\/account\/password$/);
  await user.getByLabel("临时密码").fill(temp);
  await user.getByLabel("新密码", { exact: true }).fill("password123");
  await user.getByLabel("再次输入新密码").fill("password123");
  await user.getByRole("button", { name: "保存新密码" }).click();
  await expect(user.getByText("这个密码太常见，容易被猜中，请换一个")).toBeVisible();
  const mine = `Mein-${randomBytes(4).toString("hex")}-Pw`;
  await user.getByLabel("新密码", { exact: true }).fill(mine);
  await user.getByLabel("再次输入新密码").fill(mine);
  await user.getByRole("button", { name: "保存新密码" }).click();
  await expect(user).toHaveURL(/\/dashboard/);
  await expect(user.getByTestId("current-user")).toContainText("测试填报人");
  const copiedCookies = await userContext.cookies();

  // The admin deactivates the account: the open session and a copied cookie both end.
  page.on("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: `停用 ${username}` }).click();
  await expect(page.getByRole("status")).toContainText(`已停用 ${username}`);
  await user.goto("/dashboard");
  await expect(user).toHaveURL(/\/login/);
  const replayPage = await replayedSession(browser, copiedCookies);
  const session = await (await replayPage.request.get("/api/auth/session")).json();
  expect(session?.user).toBeUndefined();

  // Re-activation does not revive the old cookie.
  await page.getByRole("button", { name: `启用 ${username}` }).click();
  await expect(page.getByRole("status")).toContainText(`已重新启用 ${username}`);
  await replayPage.goto("/dashboard");
  await expect(replayPage).toHaveURL(/\/login/);
  await userContext.close();
  await replayPage.context().close();
});

test("退出登录后，复制的会话 Cookie 也不能再用", async ({ page, browser }) => {
  // A fresh account of our own (signing out ends every session of the account).
  const username = `e2e.out.${randomBytes(3).toString("hex")}`;
  await signInAs(page, "ADMIN");
  const temp = await createAccountViaPage(page, username);
  const ctx = await browser.newContext();
  const user = await ctx.newPage();
  await firstSignIn(user, username, temp);
  const cookies = await ctx.cookies();
  await user.getByRole("button", { name: "退出登录" }).click();
  await expect(user).toHaveURL(/\/login/);
  const r = await replayedSession(browser, cookies);
  await ctx.close();
  await r.context().close();
});

test("账号列表在数据库中搜索、筛选、排序和分页，条件保存在地址中", async ({ page }) => {
  await signInAs(page, "ADMIN");
  await page.goto("/admin/accounts");
  const table = page.getByTestId("account-table");
  // Search (Enter submits), then narrow by role: the URL carries the query, the list shows only matches.
  await page.getByLabel("搜索", { exact: true }).fill("owner");
  await page.getByLabel("搜索", { exact: true }).press("Enter");
  await expect(page).toHaveURL(/[?&]q=owner/);
  await page.getByLabel("角色").selectOption("OWNER");
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(page).toHaveURL(/role=OWNER/);
  await expect(table.getByRole("row").filter({ hasText: "owner" }).first()).toBeVisible();
  for (const role of await table.getByTestId("account-row").locator("td:nth-child(3)").allTextContents()) expect(role).toBe("项目填报人");
  // Sorting is a link: the header announces it and the address keeps it.
  await table.getByRole("link", { name: /用户名/ }).click();
  await expect(page).toHaveURL(/sort=username&dir=asc/);
  await expect(table.getByRole("columnheader", { name: /用户名/ })).toHaveAttribute("aria-sort", "ascending");
  const names = await table.getByTestId("account-row").locator("td:first-child").allTextContents();
  expect(names).toEqual([...names].sort());
  await expect(page.getByTestId("account-pager")).toContainText(/共 \d+ 个账号/);
  await page.screenshot({ path: ".data/test-results/admin-accounts-list.png", fullPage: true });
  // A hand-edited address shows the list, never an error.
  await page.goto("/admin/accounts?sort=passwordHash&page=-1&role=ROOT");
  await expect(table).toBeVisible();
});
