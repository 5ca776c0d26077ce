/**
 * The two downloads about one project — 自评表 and the filled import template: who may have them
 * (401 signed out, 404 for a department that does not own the project, never telling which), and
 * what they hold, opened with exceljs as an office would open them.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import ExcelJS from "exceljs";
import { signInAs } from "./helpers/accounts";
import { newDepartmentWithOwner, sql } from "./helpers/db";

async function credentials(request: APIRequestContext, username: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  expect((await request.post("/api/auth/callback/credentials", { form: { csrfToken, username, password, json: "true" } })).ok()).toBeTruthy();
}

async function workbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  return wb;
}

const cellsOf = (ws: ExcelJS.Worksheet) => {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text))));
  return out;
};

test("项目的自评表与已填导入模板：未登录 401，其他部门 404，本部门可下载并打开", async ({ page, browser }) => {
  const [project] = await sql<{ id: string }>(
    `SELECT p."id" FROM "Project" p JOIN "Department" d ON d."id" = p."departmentId" WHERE d."code" = 'gy-swbb' AND p."year" = 2020 AND p."name" = '全市综合执法改革'`,
  );
  const names = (await sql<{ name: string }>(`SELECT "name" FROM "Indicator" WHERE "projectId" = $1 ORDER BY "sortOrder"`, [project!.id])).map((r) => r.name);
  expect(names.length).toBeGreaterThan(0);
  const selfEvaluation = `/api/projects/${project!.id}/self-evaluation`;
  const template = `/api/projects/${project!.id}/indicator-template?filled=1`;

  // Signed out.
  for (const url of [selfEvaluation, template]) {
    const r = await page.request.get(url);
    expect(r.status()).toBe(401);
    expect(r.headers()["cache-control"]).toBe("no-store");
    expect((await r.json()).message).toBe("登录已过期，请重新登录");
  }

  // Another department's owner: as if the project did not exist.
  const other = await newDepartmentWithOwner({ year: 2021, frameworkCode: "GY-2020-LOCAL" });
  await credentials(page.request, other.username, other.password);
  for (const url of [selfEvaluation, template]) {
    const r = await page.request.get(url);
    expect(r.status()).toBe(404);
    expect((await r.json()).message).toBe("项目不存在，或您无权访问");
  }

  // The project's own department.
  const context = await browser.newContext();
  const own = await context.newPage();
  await signInAs(own, "OWNER");
  const se = await own.request.get(selfEvaluation);
  expect(se.status()).toBe(200);
  expect(se.headers()["content-type"]).toContain("spreadsheetml");
  expect(se.headers()["content-disposition"]).toContain("attachment");
  const seBook = await workbook(await se.body());
  expect(seBook.worksheets.map((w) => w.name)).toEqual(["自评表", "绩效指标", "填写说明", "选项"]);
  expect(cellsOf(seBook.getWorksheet("自评表")!)).toEqual(expect.arrayContaining(["全市综合执法改革", ...names]));

  const tpl = await own.request.get(template);
  expect(tpl.status()).toBe(200);
  const tplCells = cellsOf((await workbook(await tpl.body())).getWorksheet("绩效指标")!);
  expect(tplCells).toEqual(expect.arrayContaining(names));
  await context.close();
});

test("超过 2,000 行指标的自评表在独立工作进程中生成，下载后可打开", async ({ page }) => {
  test.setTimeout(120_000);
  const rows = 2_100;
  const owner = await newDepartmentWithOwner({ year: 2021, frameworkCode: "GY-2020-LOCAL" });
  const [level] = await sql<{ frameworkId: string; l1: string; l2: string }>(
    `SELECT f."id" AS "frameworkId", l1."id" AS "l1", l2."id" AS "l2" FROM "IndicatorFramework" f
       JOIN "FrameworkLevel1" l1 ON l1."frameworkId" = f."id" JOIN "FrameworkLevel2" l2 ON l2."level1Id" = l1."id"
      WHERE f."code" = 'GY-2020-LOCAL' ORDER BY l1."sortOrder", l2."sortOrder" LIMIT 1`,
  );
  const projectId = `${owner.departmentId}-big`;
  await sql(`INSERT INTO "DepartmentYear" ("id", "departmentId", "year", "updatedAt") VALUES ($1, $2, 2021, now())`, [`${owner.departmentId}-2021`, owner.departmentId]);
  await sql(
    `INSERT INTO "Project" ("id", "departmentId", "departmentYearId", "year", "name", "competentDepartment", "implementingUnit", "frameworkId", "updatedAt")
     VALUES ($1, $2, $3, 2021, '大型指标表项目', '测试主管部门', '测试实施单位', $4, now())`,
    [projectId, owner.departmentId, `${owner.departmentId}-2021`, level!.frameworkId],
  );
  await sql(
    `INSERT INTO "Indicator" ("id", "projectId", "sortOrder", "level1Id", "level2Id", "name", "nature", "targetValue", "unit", "actualValue", "weight", "updatedAt")
     SELECT $1 || '-' || n, $1, n, $2, $3, '指标' || n, 'GTE', 100, '个', 100, 0.01, now() FROM generate_series(1, $4::int) AS n`,
    [projectId, level!.l1, level!.l2, rows],
  );
  await credentials(page.request, owner.username, owner.password);
  const r = await page.request.get(`/api/projects/${projectId}/self-evaluation`, { timeout: 90_000 });
  expect(r.status()).toBe(200);
  const sheet = (await workbook(await r.body())).getWorksheet("绩效指标")!;
  const cells = cellsOf(sheet);
  expect(cells).toContain("指标1");
  expect(cells).toContain(`指标${rows}`);
});
