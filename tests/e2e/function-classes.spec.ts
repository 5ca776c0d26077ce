import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { account, signIn, signInAs } from "./helpers/accounts";
import { sql } from "./helpers/db";

test("管理员在已有的款下添加项，并在科目列表中看到它", async ({ page }) => {
  const admin = account("ADMIN");
  await signIn(page, admin.username, admin.password);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "系统管理" }).click();
  await page.getByRole("link", { name: "支出功能分类科目" }).click();
  await expect(page).toHaveURL(/\/admin\/function-classes$/);
  await expect(page.getByRole("heading", { level: 1, name: "支出功能分类科目" })).toBeVisible();

  const table = page.getByTestId("function-class-table");
  const row = (code: string) => table.locator(`tr[data-code="${code}"]`);
  await expect(row("20110")).toContainText("人力资源事务");
  await expect(row("2011001")).toContainText("行政运行");

  // “添加下级” fills in the 款's code; retried until the page is hydrated.
  const code = page.getByLabel("科目编码");
  await expect(async () => {
    await page.getByRole("button", { name: "在 20110 人力资源事务 下添加下级科目" }).click();
    await expect(code).toHaveValue("20110", { timeout: 1_000 });
  }).toPass();
  await expect(code).toBeFocused();

  // The shared schema refuses a malformed code before anything is sent.
  await code.fill("2011");
  await page.getByLabel("科目名称").fill("其他人力资源事务支出");
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByText("科目编码应为3位（类）、5位（款）或7位（项）数字，现为4位")).toBeVisible();

  // The server refuses a duplicate, shown on the code field.
  await code.fill("2011001");
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByText("编码 2011001 已存在（行政运行），不能重复添加")).toBeVisible();
  await expect(code).toHaveAttribute("aria-invalid", "true");

  await code.fill("2011099");
  await expect(page.getByTestId("code-hint")).toHaveText("将新增项，上级款：20110 人力资源事务");
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByTestId("notice-ok")).toHaveText("已添加科目 2011099 其他人力资源事务支出");
  await expect(code).toHaveValue("");
  await expect(row("2011099")).toContainText("其他人力资源事务支出");
  await expect(row("2011099")).toContainText("未使用");
  await expect(row("20110")).toContainText("下级 3 个");

  const stored = await sql<{ level: number; parentCode: string; name: string }>(`SELECT "level", "parentCode", "name" FROM "FunctionClass" WHERE "code" = '2011099'`);
  expect(stored).toEqual([{ level: 3, parentCode: "20110", name: "其他人力资源事务支出" }]);
  const audit = await sql<{ actorName: string }>(`SELECT "actorName" FROM "AuditLog" WHERE "action" = 'functionClass.create' AND "entityId" = '2011099'`);
  expect(audit).toHaveLength(1);

  // Search by name keeps the found 项 under its 类 and 款.
  await page.getByLabel("搜索科目").fill("其他人力");
  await expect(table.getByTestId("function-class-row")).toHaveCount(3);
  await expect(table.getByTestId("function-class-row")).toHaveText([/^201/, /^20110/, /^2011099/]);
  mkdirSync("tests/e2e/.artifacts", { recursive: true });
  await page.getByLabel("搜索科目").fill("");
  await page.screenshot({ path: "tests/e2e/.artifacts/function-classes.png", fullPage: true });

  // Rename in place (name only).
  await page.getByRole("button", { name: "重命名 2011099 其他人力资源事务支出" }).click();
  const newName = page.getByLabel("科目 2011099 的新名称");
  await newName.fill("  ");
  await newName.press("Enter");
  await expect(page.getByText("请填写科目名称")).toBeVisible();
  await newName.fill("其他人力资源事务支出（调整）");
  await newName.press("Enter");
  await expect(page.getByTestId("notice-ok")).toHaveText("已将科目 2011099 重命名为“其他人力资源事务支出（调整）”");
  await expect(row("2011099")).toContainText("其他人力资源事务支出（调整）");

  // A code used by the seed's final accounts cannot be deleted.
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "删除 2011001 行政运行" }).click();
  await expect(page.getByTestId("notice-error")).toContainText("科目 2011001 行政运行 已被");
  await expect(page.getByTestId("notice-error")).toContainText("不能删除");
  await expect(row("2011001")).toBeVisible();
});

for (const role of ["OWNER", "REVIEWER"] as const) {
  test(`${role === "OWNER" ? "项目填报人" : "财政审核人"}不能打开支出功能分类科目管理`, async ({ page }) => {
    await signInAs(page, role);
    const response = await page.goto("/admin/function-classes");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "无权访问此页面" })).toBeVisible();
    await expect(page.getByTestId("function-class-table")).toHaveCount(0);
  });
}

test("未登录访问支出功能分类科目管理时转到登录页", async ({ page }) => {
  await page.goto("/admin/function-classes");
  await expect(page).toHaveURL(/\/login/);
});
