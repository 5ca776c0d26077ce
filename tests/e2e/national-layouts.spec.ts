/**
 * Real tables as offices print them (issue #13): a county bureau's 自评表 in the
 * 财预〔2020〕10号 layout (成本指标 under 产出, a "/" row without 分值) and a township's
 * variant (服务对象满意度 under 效益) are entered through the editor exactly as printed in
 * the demo's open year; the bureau's .xlsx (real merged cells) is imported with a preview.
 */
import { expect, type Page, test } from "@playwright/test";
import { parseIndicatorValue } from "../../features/indicators/value";
import { buildNationalSelfEvaluation, COUNTY_ROWS, type NationalRow, TOWNSHIP_ROWS } from "../fixtures/national-self-evaluation";
import { signIn } from "./helpers/accounts";
import { newDepartmentWithOwner, sql } from "./helpers/db";
import { createProjectInForm } from "./helpers/projects";

async function newProject(page: Page, name: string) {
  const id = await createProjectInForm(page, { year: 2021, name, unit: "某县公路养护中心", initialBudget: "100", annualBudget: "100", executed: "99.97" });
  await page.getByRole("link", { name: "绩效指标" }).click();
  await expect(page).toHaveURL(/\/indicators$/);
  return id;
}

/** Types one printed row into the editor: the value cell decides ≥/≤/定性, "/" means 不适用. */
async function enterRow(page: Page, n: number, r: NationalRow) {
  const field = (label: string) => page.getByLabel(`第${n}行 ${label}`, { exact: true });
  await page.getByRole("button", { name: "添加指标" }).click();
  await field("一级指标").selectOption({ label: r[0] });
  await field("二级指标").selectOption({ label: r[1] });
  await field("三级指标").fill(r[2]);
  const t = parseIndicatorValue(String(r[3]));
  const a = parseIndicatorValue(String(r[4]));
  if (t.kind === "not_applicable") {
    await field("指标性质").selectOption({ label: "定性" });
    await field("适用").uncheck();
  } else if (t.kind === "number") {
    await field("指标性质").selectOption({ label: t.symbol === "LTE" ? "≤" : "≥" });
    await field("指标值").fill(t.value);
    await field("计量单位").fill(t.unit);
    await field("说明：指标值（可选）").fill(String(r[3]));
    await field("实际完成值").fill(a.kind === "number" ? a.value : "");
  } else {
    await field("指标性质").selectOption({ label: "定性" });
    await field("指标值（定性）").fill(String(r[3]));
    await field("实际完成情况（定性）").fill(String(r[4]));
    await field("得分（定性，手工评分）").fill(String(r[6]));
  }
  if (String(r[5]) !== "/") await field("分值").fill(String(r[5]));
  if (r[7]) await field("偏差原因分析及改进措施").fill(r[7]);
}

async function storedRows(projectId: string) {
  return sql<{ path: string; applicable: boolean; weight: string | null }>(
    `SELECT l1."name" || '/' || l2."name" || '/' || i."name" AS path, i."applicable", i."weight"::text AS weight
       FROM "Indicator" i JOIN "FrameworkLevel1" l1 ON l1."id" = i."level1Id" JOIN "FrameworkLevel2" l2 ON l2."id" = i."level2Id"
      WHERE i."projectId" = $1 ORDER BY i."sortOrder"`,
    [projectId],
  );
}

/** Types each row into the editor and saves; the stored rows are those, in that order. Returns them. */
async function enterAndSave(page: Page, projectId: string, rows: readonly NationalRow[]) {
  for (const [i, r] of rows.entries()) await enterRow(page, i + 1, r);
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("save-status")).toContainText("已保存");
  const stored = await storedRows(projectId);
  expect(stored.map((r) => r.path)).toEqual(rows.map((r) => `${r[0]}/${r[1]}/${r[2]}`));
  return stored;
}

test("县局自评表（财预〔2020〕10号格式）按原样录入：成本指标在产出指标下，“/”行不填分值", async ({ page }) => {
  test.setTimeout(180_000);
  const { username, password } = await newDepartmentWithOwner({ year: 2021, frameworkCode: "CY-2020-10" });
  await signIn(page, username, password);
  const id = await newProject(page, "农村公路养护项目");
  await expect(page.getByTestId("framework-switcher")).toContainText("财预〔2020〕10号 项目支出绩效自评表指标体系");
  const rows = await enterAndSave(page, id, COUNTY_ROWS);
  expect(rows.find((r) => r.path.endsWith("/养护成本"))?.path).toBe("产出指标/成本指标/养护成本");
  expect(rows.find((r) => r.path.endsWith("/生态影响"))).toMatchObject({ applicable: false, weight: null });
  await page.screenshot({ path: "tests/e2e/.artifacts/national-county-editor.png", fullPage: true });
});

test("乡镇自评表（效益指标含服务对象满意度）：在绩效指标页更换为该格式后按原样录入", async ({ page }) => {
  test.setTimeout(180_000);
  const { username, password } = await newDepartmentWithOwner({ year: 2021, frameworkCode: "CY-2020-10" });
  await signIn(page, username, password);
  const id = await newProject(page, "农村户厕改造");
  await page.getByLabel("本年度允许使用的指标体系").selectOption({ label: "财预〔2020〕10号 自评表指标体系（效益指标含服务对象满意度）" });
  await page.getByRole("button", { name: "更换指标体系" }).click();
  await expect(page.getByTestId("framework-switcher")).toContainText("已更换为");
  await expect(page.getByTestId("framework-switcher")).toContainText("指标体系：财预〔2020〕10号 自评表指标体系（效益指标含服务对象满意度）");
  await enterAndSave(page, id, TOWNSHIP_ROWS);
  const [audit] = await sql<{ n: string }>(`SELECT count(*)::text AS n FROM "AuditLog" WHERE "action" = 'project.framework.switch' AND "entityId" = $1`, [id]);
  expect(audit?.n).toBe("1");
});

test("随填写更新的得分汇总不挪动表格和“添加指标”按钮：紧接着的点击不会落空", async ({ page }) => {
  const { username, password } = await newDepartmentWithOwner({ year: 2021, frameworkCode: "CY-2020-10" });
  await signIn(page, username, password);
  await newProject(page, "汇总位置检查");
  const add = page.getByRole("button", { name: "添加指标" });
  // Position in the page (not the viewport): focusing a new row may scroll.
  const top = () => add.evaluate((el) => Math.round(el.getBoundingClientRect().top + window.scrollY));
  const summary = page.getByRole("region", { name: "得分汇总" });
  const before = await top();
  await add.click();
  const field = (label: string) => page.getByLabel(`第1行 ${label}`, { exact: true });
  await field("一级指标").selectOption({ label: "产出指标" });
  await field("二级指标").selectOption({ label: "数量指标" });
  await field("三级指标").fill("养护里程");
  await field("分值").fill("10");
  // The summary recomputes a moment after typing: wait until it shows the new row, then compare.
  await expect(summary).toContainText("产出指标（1项）");
  await expect(summary).toContainText("应为 50");
  expect(await top()).toBe(before);
  // The summary follows the table in reading order (it sums up what is above it).
  const order = await page.evaluate(() => {
    const table = document.querySelector("table[role=table]");
    const heading = [...document.querySelectorAll("h2")].find((h) => h.textContent === "得分汇总");
    return table && heading ? table.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
  });
  expect(order).toBeTruthy();
});

test("导入全国格式的自评表（合并单元格）：先预览（印刷得分与计算得分的差异），确认后导入；错误按单元格列出", async ({ page }) => {
  test.setTimeout(120_000);
  const { username, password } = await newDepartmentWithOwner({ year: 2021, frameworkCode: "CY-2020-10" });
  await signIn(page, username, password);
  const id = await newProject(page, "农村公路养护项目（导入）");
  const input = page.getByLabel("自评表文件（.xlsx）");

  const bad = await buildNationalSelfEvaluation({ edit: (ws) => (ws.getCell("F13").value = "5O公里") });
  await input.setInputFiles({ name: "self-evaluation-bad.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bad });
  await page.getByRole("button", { name: "预览" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "自评表有 1 处问题" });
  await expect(alert).toContainText("F13");
  await expect(alert).toContainText("实际完成值“5O公里”不是数字：含有字母“O”");

  await input.setInputFiles({ name: "self-evaluation.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await buildNationalSelfEvaluation() });
  // The chooser reads in Chinese whatever the browser's language, and names the chosen file.
  await expect(page.getByText("self-evaluation.xlsx", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "预览" }).click();
  const preview = page.getByTestId("national-preview");
  await expect(preview).toContainText("工作表“附件1”，表头在第12行；将导入 9 项指标，其中 1 项印刷得分与按规则计算的得分不同");
  await expect(preview.locator("tr[data-differs]")).toContainText("桥梁检查座数");
  await expect(preview.locator("tr[data-differs]")).toContainText("9.17");
  expect(await storedRows(id)).toHaveLength(0);
  await page.screenshot({ path: "tests/e2e/.artifacts/national-import-preview.png", fullPage: true });
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText("已导入9项指标")).toBeVisible();
  const rows = await storedRows(id);
  expect(rows).toHaveLength(9);
  expect(rows.map((r) => r.path)).toContain("产出指标/成本指标/养护成本");
});
