/**
 * A blocking item of the pre-submission check leads to where it is fixed: an indicator
 * row without its actual value opens the project's indicator editor with that row's
 * field focused (not the report's read-only copy of the row).
 */
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { newDepartmentWithOwner, sql } from "./helpers/db";
import { newSignedInPage } from "./helpers/workflow";
import { createProjectInForm, createSelfEvaluationInPage } from "./helpers/projects";

test("提交前检查中的指标问题链接到指标编辑页的对应行", async ({ browser }) => {
  test.setTimeout(120_000);
  const projectName = `检查链接测试${randomBytes(2).toString("hex")}`;
  const { username, password } = await newDepartmentWithOwner({ year: 2029, frameworkCode: "CY-2021-101" });
  const owner = await newSignedInPage(browser, username, password);
  const projectId = await createProjectInForm(owner, { year: 2029, name: projectName, annualBudget: "10", executed: "10" });

  const [level] = await sql<{ l1Id: string; l2Id: string }>(
    `SELECT l1."id" AS "l1Id", l2."id" AS "l2Id" FROM "Project" p JOIN "FrameworkLevel1" l1 ON l1."frameworkId" = p."frameworkId" JOIN "FrameworkLevel2" l2 ON l2."level1Id" = l1."id"
      WHERE p."id" = $1 AND l1."name" = '产出指标' AND l2."name" = '数量指标'`,
    [projectId],
  );
  for (const [i, actual] of [4, null].entries()) {
    await sql(
      `INSERT INTO "Indicator" ("id", "projectId", "sortOrder", "level1Id", "level2Id", "name", "nature", "targetValue", "unit", "actualValue", "weight", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, 'GTE', 4, '期', $7, 10, now())`,
      [`e2e-chk-${projectId}-${i}`, projectId, i, level!.l1Id, level!.l2Id, `培训期数${i + 1}`, actual],
    );
  }
  await owner.reload();
  await createSelfEvaluationInPage(owner);

  const item = owner.getByTestId("check-blocking").filter({ hasText: "第2行指标“培训期数2”未填写实际完成值" });
  await expect(item.getByRole("link")).toHaveAttribute("href", `/projects/${projectId}/indicators#indicator-e2e-chk-${projectId}-1`);
  await item.getByRole("link").click();
  await expect(owner).toHaveURL(new RegExp(`/projects/${projectId}/indicators#indicator-`));
  const focused = owner.locator(":focus");
  await expect(focused).toHaveAttribute("aria-label", /实际完成值/);
  await expect(focused.locator("xpath=ancestor::tr[1]")).toHaveAttribute("data-row-index", "1");
  await owner.context().close();
});
