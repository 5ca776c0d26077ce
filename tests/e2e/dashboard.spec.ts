/**
 * A new owner's first visit: the 工作台 shows the open year and what to do first even
 * before the department has any project in it, and the link starts the first project.
 */
import { expect, test } from "@playwright/test";
import { newDepartmentWithOwner } from "./helpers/db";
import { newSignedInPage } from "./helpers/workflow";

test("新填报人的工作台显示开放填报的年度和第一步", async ({ browser }) => {
  const { username, password } = await newDepartmentWithOwner({ year: 2021, frameworkCode: "CY-2021-101" });
  const page = await newSignedInPage(browser, username, password);
  await page.goto("/dashboard");
  const start = page.getByTestId("year-to-start").filter({ hasText: "2021年度已开放填报" });
  await expect(start).toContainText("本部门尚无项目");
  await start.getByRole("link", { name: "新建2021年度项目" }).click();
  await expect(page).toHaveURL(/\/projects\/new\?year=2021$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.context().close();
});
