/**
 * An anonymous visitor finds a freshly published project self-evaluation report: from the
 * home page in two clicks (department-year, then the report), by searching its project
 * name or words of its text, and in sitemap.xml. Before it is published, nothing of it —
 * nor of any other unpublished department-year — shows on the public pages.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { account } from "./helpers/accounts";
import { newDepartmentWithOwner, sql } from "./helpers/db";
import { newSignedInPage, actTo } from "./helpers/workflow";

const ARTIFACTS = "tests/e2e/.artifacts";
const YEAR = 2021;
const tag = randomBytes(3).toString("hex");
const PROJECT = `青溪镇农村饮水安全巩固提升${tag}`;
const TEXT_WORDS = `集中供水工程覆盖${tag}个行政村`;

let code = "";
let departmentName = "";
let reportId = "";

test.beforeAll(async () => {
  const { departmentId } = await newDepartmentWithOwner({ year: YEAR, frameworkCode: "CY-2021-101" });
  const [dept] = await sql<{ code: string; name: string }>(`SELECT "code", "name" FROM "Department" WHERE "id" = $1`, [departmentId]);
  code = dept!.code;
  departmentName = dept!.name;
  const [fy] = await sql<{ frameworkId: string }>(`SELECT "frameworkId" FROM "FiscalYear" WHERE "year" = $1`, [YEAR]);
  const ids = { dy: `e2e-find-dy-${tag}`, project: `e2e-find-p-${tag}`, report: `e2e-find-r-${tag}` };
  await sql(`INSERT INTO "DepartmentYear" ("id", "departmentId", "year", "updatedAt") VALUES ($1, $2, $3, now())`, [ids.dy, departmentId, YEAR]);
  await sql(
    `INSERT INTO "Project" ("id", "departmentId", "departmentYearId", "year", "name", "competentDepartment", "implementingUnit", "frameworkId", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, now())`,
    [ids.project, departmentId, ids.dy, YEAR, PROJECT, departmentName, fy!.frameworkId],
  );
  // A report the reviewer has approved: publishing it is what the test does, through the app.
  await sql(
    `INSERT INTO "Report" ("id", "kind", "scopeKey", "departmentId", "departmentYearId", "year", "projectId", "title", "status", "updatedAt")
     VALUES ($1, 'PROJECT_SELF_EVALUATION', $2, $3, $4, $5, $6, $7, 'APPROVED', now())`,
    [ids.report, `PROJECT_SELF_EVALUATION:${ids.project}`, departmentId, ids.dy, YEAR, ids.project, `${PROJECT}项目支出绩效自评报告`],
  );
  await sql(`INSERT INTO "ReportSection" ("id", "reportId", "key", "heading", "body", "sortOrder") VALUES ($1, $2, 'summary', '一、基本情况', $3, 1)`, [
    `e2e-find-s-${tag}`,
    ids.report,
    `本项目建设${TEXT_WORDS}，受益群众满意。`,
  ]);
  reportId = ids.report;
});

test("匿名访客从首页两次点击、按项目名称和正文文字查找都能找到新公开的项目自评报告", async ({ page, browser }) => {
  test.setTimeout(120_000);
  mkdirSync(ARTIFACTS, { recursive: true });

  // ── Before publication: nothing of it anywhere public ──
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("部门决算与预算绩效信息公开");
  await expect(page.locator("main")).not.toContainText(departmentName);
  await expect(page.locator("main")).not.toContainText("未公开");
  expect((await page.goto(`/portal/${code}/${YEAR}`))?.status()).toBe(404);
  expect((await page.goto(`/portal/${code}/${YEAR}/catalog`))?.status()).toBe(404);
  await page.goto(`/portal/search?q=${encodeURIComponent(PROJECT)}`);
  await expect(page.getByText("没有找到符合条件的公开信息。", { exact: false })).toBeVisible();
  expect(await (await page.request.get("/sitemap.xml")).text()).not.toContain(reportId);

  // ── The reviewer publishes it ──
  const reviewerAccount = account("REVIEWER");
  const reviewer = await newSignedInPage(browser, reviewerAccount.username, reviewerAccount.password);
  await reviewer.goto(`/reports/${reportId}`);
  await expect(reviewer.getByTestId("report-status")).toHaveText("已通过");
  await actTo(reviewer, "公开", "已公开");
  await reviewer.context().close();

  // ── Home → department-year → report: two clicks ──
  await page.goto("/");
  const department = page.getByRole("list", { name: "部门列表" }).getByRole("listitem").filter({ has: page.getByRole("heading", { name: departmentName }) });
  await department.getByRole("link", { name: `${YEAR}年度 · 1 项公开信息` }).click();
  await expect(page).toHaveURL(new RegExp(`/portal/${code}/${YEAR}/catalog$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${departmentName} ${YEAR}年度公开信息`);
  await expect(page).toHaveTitle(new RegExp(`${departmentName} ${YEAR}年度公开信息`));
  expect(await page.locator('meta[name="description"]').getAttribute("content")).toContain(PROJECT);
  await page.screenshot({ path: `${ARTIFACTS}/portal-department-year.png`, fullPage: true });
  await page.getByRole("link", { name: `${PROJECT}项目支出绩效自评报告` }).click();
  await expect(page).toHaveURL(new RegExp(`/published/${reportId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${PROJECT}项目支出绩效自评报告`);
  await expect(page.getByTestId("published-report")).toContainText(TEXT_WORDS);
  expect(await page.locator('meta[name="description"]').getAttribute("content")).toContain(departmentName);

  // The department-year address itself lists it too (no year document is published there).
  const plain = await page.goto(`/portal/${code}/${YEAR}`);
  expect(plain?.status()).toBe(200);
  await expect(page.getByTestId("department-year-items").getByRole("link", { name: `${PROJECT}项目支出绩效自评报告` })).toHaveAttribute("href", `/published/${reportId}`);

  // ── Search by the project's name, from the home page's search box ──
  await page.goto("/");
  await page.getByRole("searchbox", { name: "查找公开信息" }).fill(PROJECT);
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page).toHaveURL(/\/portal\/search\?q=/);
  const hits = page.getByRole("list", { name: "查找结果" }).getByTestId("search-hit");
  await expect(hits).toHaveCount(1);
  await expect(hits.first().locator("mark").first()).toHaveText(PROJECT);
  await expect(page).toHaveTitle(new RegExp(`查找“${PROJECT}”`));
  await page.screenshot({ path: `${ARTIFACTS}/portal-search.png`, fullPage: true });
  await hits.first().getByRole("link", { name: `${PROJECT}项目支出绩效自评报告` }).click();
  await expect(page).toHaveURL(new RegExp(`/published/${reportId}$`));

  // ── By words of its published text, and by its department ──
  await page.goto(`/portal/search?q=${encodeURIComponent(TEXT_WORDS)}`);
  await expect(page.getByTestId("search-hit")).toHaveCount(1);
  await expect(page.getByTestId("search-hit").locator("mark", { hasText: TEXT_WORDS })).toHaveCount(1);
  await page.goto(`/portal/search?q=${encodeURIComponent(departmentName)}`);
  await expect(page.getByTestId("search-hit").getByRole("link", { name: `${PROJECT}项目支出绩效自评报告` })).toBeVisible();

  // ── sitemap.xml and robots.txt ──
  const sitemap = await (await page.request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`/published/${reportId}</loc>`);
  expect(sitemap).toContain(`/portal/${code}/${YEAR}/catalog</loc>`);
  expect(sitemap).toContain(`/portal/${code}</loc>`);
  expect(sitemap).toContain(`/portal/gy-swbb/2020</loc>`);
  const robots = await (await page.request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: http.*\/sitemap\.xml/);
});

test("首页只列出已公开的部门年度，不显示未公开的年度和项目数", async ({ page }) => {
  await page.goto("/");
  await page.screenshot({ path: `${ARTIFACTS}/portal-home.png`, fullPage: true });
  const main = page.locator("main");
  await expect(main).not.toContainText("未公开");
  await expect(main).not.toContainText("个项目 ·");
  // 市委编办: exactly the years with a publication (the seed's 2021 has projects, none published).
  const published = await sql<{ year: number }>(
    `SELECT DISTINCT r."year" FROM "Report" r JOIN "Department" d ON d."id" = r."departmentId"
     WHERE d."code" = 'gy-swbb' AND EXISTS (SELECT 1 FROM "ReportPublication" p WHERE p."reportId" = r."id") ORDER BY r."year" DESC`,
  );
  const links = page.getByRole("list", { name: "市委编办已公开年度" }).getByRole("link");
  await expect(links).toHaveText(published.map((p) => new RegExp(`^${p.year}年度 · \\d+ 项公开信息$`)));
  // Each leads to its department-year page, whose first item is the year document when there is one.
  await links.first().click();
  await expect(page.getByTestId("department-year-items")).toBeVisible();
});

test("公开页面的地址参数和查找条件无效时给出404或中文提示，不出现500", async ({ page }) => {
  for (const url of ["/portal/no-such-dept", "/portal/bad$code", "/portal/gy-swbb/abcd", "/portal/gy-swbb/99999", "/portal/gy-swbb/1900/catalog", "/portal/gy-swbb/2019/catalog"]) {
    const r = await page.goto(url);
    expect(r?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), url).toHaveText("页面不存在");
  }
  // Bad percent-encoding is refused in front of Next (scripts/lib/edge-guard.ts): 400, never 500.
  for (const url of ["/portal/%E0%A4%A/2020", "/portal/%E0%A4%A", "/portal/gy-swbb%00/2020/catalog"]) {
    expect((await page.request.get(url)).status(), url).toBe(400);
  }
  await page.goto(`/portal/search?q=${"长".repeat(51)}`);
  await expect(page.getByRole("alert").filter({ hasText: "查找内容不能超过50个字" })).toBeVisible();
  await page.goto("/portal/search?q=编办&page=abc");
  await expect(page.getByRole("alert").filter({ hasText: "页码无效" })).toBeVisible();
  await page.goto("/portal/search?q=a b c d e f");
  await expect(page.getByRole("alert").filter({ hasText: "最多输入5个词" })).toBeVisible();
  const r = await page.goto("/portal/search?q=编办&page=999");
  expect(r?.status()).toBe(200);
  await expect(page.getByText("没有这一页。")).toBeVisible();
  // The former search address leads to the search.
  await page.goto("/portal?q=编办&year=2020");
  await expect(page).toHaveURL(/\/portal\/search\?q=%E7%BC%96%E5%8A%9E$/);
  await expect(page.getByTestId("search-hit").first()).toBeVisible();
});
