import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../../prisma/seed/accounts";
import { account, signInAs, signInWithForm } from "./helpers/accounts";
import { cloneAccount } from "./helpers/db";

const NAV_BY_ROLE = {
  ADMIN: ["工作台", "项目", "报告", "部门决算", "年度总览", "抽查复核", "系统管理", "审计日志"],
  REVIEWER: ["工作台", "项目", "报告", "部门决算", "年度总览", "抽查复核", "审计日志"],
  OWNER: ["工作台", "项目", "报告", "部门决算"],
  DEPT_REVIEWER: ["工作台", "项目", "报告", "部门决算", "年度总览"],
} as const;

for (const a of DEMO_ACCOUNTS) {
  test(`${a.roleLabel}（${a.username}）登录、看到本角色导航、退出`, async ({ page }) => {
    // A copy of the demo account: signing out ends every session of the account.
    const own = await cloneAccount(a.username);
    await signInWithForm(page, own.username, own.password);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByTestId("current-user")).toContainText(a.name);
    await expect(page.getByTestId("current-user")).toContainText(a.roleLabel);
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(nav.getByRole("link")).toHaveText([...NAV_BY_ROLE[a.role]]);

    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login/);
  });
}

test("错误的密码被拒绝，并给出中文提示", async ({ page }) => {
  await signInWithForm(page, "owner", "wrong-password");
  await expect(page.getByTestId("login-error")).toHaveText("用户名或密码错误");
  await expect(page).toHaveURL(/\/login/);
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session?.user).toBeUndefined();
});

test("空表单在提交前就提示必填项", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText("请输入用户名")).toBeVisible();
  await expect(page.getByText("请输入密码")).toBeVisible();
});

test("项目填报人不能打开系统管理页面", async ({ page }) => {
  await signInAs(page, "OWNER");
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问此页面" })).toBeVisible();
  await expect(page.getByText("账号列表")).toHaveCount(0);
});

test("财政审核人不能打开系统管理页面，但能看审计日志", async ({ page }) => {
  await signInAs(page, "REVIEWER");
  expect((await page.goto("/admin"))?.status()).toBe(403);
  expect((await page.goto("/audit"))?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
});

test("管理员看到账号、部门和年度", async ({ page }) => {
  await signInAs(page, "ADMIN");
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "系统管理" })).toBeVisible();
  for (const a of DEMO_ACCOUNTS) await expect(page.getByRole("cell", { name: a.username, exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "中共广元市委机构编制委员会办公室" })).toBeVisible();
});

test("未登录访问工作区会跳转到登录页", async ({ page }) => {
  for (const path of ["/dashboard", "/admin", "/audit"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login/);
  }
});

test("项目填报人只看到本部门的项目", async ({ page }) => {
  await signInAs(page, "OWNER");
  await page.goto("/dashboard");
  await expect(page.getByTestId("dashboard-intro")).toContainText(account("OWNER").roleLabel);
  await expect(page.getByRole("cell", { name: "全市机构编制统计工作" })).toBeVisible();
});
