/**
 * The public portal: an anonymous visitor finds a department's published year and
 * reads it as one page in the printed document's structure (sections, the tables of
 * 第二部分, 项目绩效目标完成情况表1–5, 名词解释, 附件), with the computed figures,
 * the printed ones where they disagree, an accessible chart, a phone layout, print
 * styles and correction versions.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { guangyuan2020 as seed } from "../../prisma/seed/guangyuan-2020";
import { sql } from "./helpers/db";
import { squeezeCjkSpaces } from "../../lib/text";

const ARTIFACTS = "tests/e2e/.artifacts";
const DOC_URL = "/portal/gy-swbb/2020";
const norm = (s: string) => s.replace(/\s+/g, " ").trim();

/** The printed section headings of the fixture, in printed order (as the year document stores them). */
function printedHeadings(o: Record<string, unknown>, path: string[] = [], out: string[] = []): string[] {
  if (typeof o.partHeading === "string") out.push(o.partHeading);
  if (typeof o.heading === "string") out.push(o.heading);
  // 三公 items (因公出国（境）费 …): printed paragraphs under their label.
  else if (typeof o.label === "string" && typeof o.text === "string" && path.at(-2) === "detail") out.push(o.label);
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === "string" && /.Heading$/.test(k) && k !== "partHeading") out.push(v);
    else if (v && typeof v === "object" && !Array.isArray(v)) printedHeadings(v as Record<string, unknown>, [...path, k], out);
  }
  return out;
}

const expectedHeadings = [
  ...printedHeadings(seed.profile as unknown as Record<string, unknown>),
  ...printedHeadings(seed.finalAccounts as unknown as Record<string, unknown>),
  seed.glossaryHeading,
  seed.overallReport.partHeading,
];

async function documentHeadings(page: Page) {
  return page.locator("article").locator("h1, h2, h3, h4, h5, h6").evaluateAll((els) => els.map((e) => ({ level: Number(e.tagName.slice(1)), text: (e.textContent ?? "").replace(/\s+/g, " ").trim() })));
}

test("匿名访客从首页进入公开目录，查到市委编办2020年度决算并按原文结构阅读", async ({ page }) => {
  test.setTimeout(120_000);
  mkdirSync(ARTIFACTS, { recursive: true });

  // Home → department-year → the document (two clicks); the catalogue and the search lead there too.
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("部门决算与预算绩效信息公开");
  await page.getByRole("link", { name: "按部门和年度查找公开信息" }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("信息公开目录");
  await expect(page.getByRole("list", { name: "市委编办已公开年度" }).getByRole("link", { name: /^2020年度 · \d+ 项公开信息$/ })).toHaveAttribute("href", `${DOC_URL}/catalog`);

  await page.getByRole("searchbox", { name: "查找公开信息" }).fill("没有这个词语");
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page).toHaveURL(/\/portal\/search\?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA%E8%AF%8D%E8%AF%AD$/);
  await expect(page.getByText("没有找到符合条件的公开信息。", { exact: false })).toBeVisible();

  // Permanent URL of a search.
  await page.goto("/portal/search?q=编办");
  await expect(page.getByRole("searchbox", { name: "查找公开信息" })).toHaveValue("编办");
  const results = page.getByRole("list", { name: "查找结果" });
  await expect(results.getByRole("link", { name: "中共广元市委机构编制委员会办公室2020年度部门决算公开" })).toHaveAttribute("href", DOC_URL);

  await page.goto("/");
  await page.getByRole("list", { name: "市委编办已公开年度" }).getByRole("link", { name: /^2020年度/ }).click();
  await expect(page).toHaveURL(new RegExp(`${DOC_URL}/catalog$`));
  await page.getByTestId("department-year-items").getByRole("link", { name: "中共广元市委机构编制委员会办公室2020年度部门决算公开" }).click();
  await expect(page).toHaveURL(new RegExp(`${DOC_URL}$`));

  // One h1, then the document's headings in printed order, no level skipped.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("中共广元市委机构编制委员会办公室2020年度部门决算公开");
  await page.screenshot({ path: `${ARTIFACTS}/portal-document-top.png` });
  const headings = await documentHeadings(page);
  expect(headings.filter((h) => h.level === 1)).toHaveLength(1);
  for (let i = 1; i < headings.length; i++) {
    expect(headings[i]!.level - headings[i - 1]!.level, `标题层级跳级：${headings[i - 1]!.text} → ${headings[i]!.text}`).toBeLessThanOrEqual(1);
  }
  expect(expectedHeadings.length).toBeGreaterThanOrEqual(30);
  const texts = headings.map((h) => h.text);
  let cursor = 0;
  for (const h of expectedHeadings) {
    const at = texts.indexOf(norm(h), cursor);
    expect(at, `缺少或顺序不对的标题：${h}`).toBeGreaterThanOrEqual(cursor);
    cursor = at + 1;
  }
  for (const h of ["第一部分 部门概况", "第二部分 2020年度部门决算情况说明", "名词解释", "第四部分 附件"]) {
    await expect(page.getByRole("heading", { level: 2, name: h, exact: true })).toBeVisible();
  }

  // Narrative paragraphs are text, one per printed line.
  await expect(page.getByText("8.负责全市事业单位登记管理工作。", { exact: true })).toBeVisible();

  // Table of contents with anchor links.
  const toc = page.getByRole("navigation", { name: "目录" });
  await expect(toc.getByRole("link", { name: "第二部分 2020年度部门决算情况说明" })).toHaveAttribute("href", "#sec-finalAccounts-part");
  await toc.getByRole("link", { name: "项目绩效目标完成情况表1–5" }).click();
  await expect(page).toHaveURL(/#project-tables$/);

  // Key figures, computed, with the printed figure where it differs.
  const overview = page.getByRole("table", { name: /^2020年度收入支出决算总体情况/ });
  await expect(overview.getByRole("row", { name: /收、支总计/ })).toContainText("426.81");
  await expect(overview.getByRole("row", { name: /收、支总计/ })).toContainText("-9.24%");
  const expenditure = page.getByRole("table", { name: /支出决算（按支出性质/ });
  await expect(expenditure.getByRole("row", { name: /基本支出/ })).toContainText("82.81%");
  await expect(expenditure.getByRole("row", { name: /基本支出/ })).toContainText("原文为 349.34");
  const byClass = page.getByRole("table", { name: /支出结构（按功能分类“类”/ });
  await expect(byClass.getByRole("row", { name: /一般公共服务支出/ })).toContainText("356.82");
  await expect(byClass.getByRole("row", { name: /一般公共服务支出/ })).toContainText("84.59%");
  const detail = page.getByRole("table", { name: /支出决算具体情况/ });
  await expect(detail.getByRole("row", { name: /行政运行（项）/ })).toContainText("284.31");
  await expect(detail.getByRole("row", { name: /行政运行（项）/ })).toContainText("98.67%");
  await expect(detail.getByRole("row", { name: /行政运行（项）/ })).toContainText("各项保险未清算支付");
  const detailTotal = detail.getByRole("row", { name: /^合计/ });
  await expect(detailTotal).toContainText("421.83");
  await expect(detailTotal).toContainText("原文为 421.84");
  await expect(detailTotal).toContainText("98.95%");
  await expect(page.getByTestId("consistency-notice")).toContainText("一般公共预算财政拨款支出：计算值 421.83 万元，原文为 421.84 万元");
  const basic = page.getByRole("table", { name: /基本支出（万元）/ });
  await expect(basic.getByRole("row", { name: /人员经费/ })).toContainText("319.19");
  await expect(basic.getByRole("row", { name: /日常公用经费/ })).toContainText("办公设备购置");
  const threePublic = page.getByRole("table", { name: /“三公”经费财政拨款支出决算/ });
  const domestic = threePublic.getByRole("row", { name: /国内公务接待费/ });
  await expect(domestic.getByRole("cell", { name: "3批次", exact: true })).toBeVisible();
  await expect(domestic.getByRole("cell", { name: "24人次", exact: true })).toBeVisible();
  await expect(domestic).toContainText("26.00%");
  await expect(threePublic.getByRole("row", { name: /公务用车购置及运行维护费/ })).toContainText("-25.13%");
  await expect(page.getByText("公务用车保有量：1辆（其他用车1辆）。")).toBeVisible();
  await expect(page.getByRole("table", { name: /机关运行经费/ }).getByRole("row", { name: /机关运行经费/ })).toContainText("-23.29%");
  await expect(page.getByRole("table", { name: /政府采购支出/ }).getByRole("row", { name: /授予中小企业/ })).toContainText("100.00%");

  // Every table has a caption (its name) and scoped header cells.
  const tables = await page.locator("article table").evaluateAll((ts) =>
    ts.map((t) => ({ caption: t.querySelector("caption")?.textContent?.trim() ?? "", unscoped: [...t.querySelectorAll("th")].filter((th) => !th.getAttribute("scope")).length })),
  );
  expect(tables.length).toBeGreaterThanOrEqual(19);
  for (const t of tables) {
    expect(t.caption).not.toBe("");
    expect(t.unscoped, `表格“${t.caption}”有未设 scope 的表头`).toBe(0);
  }

  // The chart has a text alternative: a figure with a caption, an image with a title, described by the data table.
  const figure = page.getByRole("figure", { name: /支出结构/ });
  const chart = figure.getByRole("img", { name: /支出结构/ });
  await expect(chart).toBeVisible();
  const describedBy = (await chart.getAttribute("aria-describedby"))!.split(" ");
  expect(describedBy).toContain("table-by-class");
  await expect(page.locator("#table-by-class tbody tr")).toHaveCount(4);
  await expect(chart.locator("desc")).toContainText("一般公共服务支出356.82万元，占84.59%");
  await expect(page.getByRole("figure", { name: /基本支出与项目支出/ }).getByRole("img")).toHaveAttribute("aria-describedby", /table-expenditure/);
  await figure.screenshot({ path: `${ARTIFACTS}/portal-chart-by-class.png` });
  await threePublic.screenshot({ path: `${ARTIFACTS}/portal-three-public.png` });

  // 项目绩效目标完成情况表1–5: the printed rows and columns.
  for (const p of seed.projects) {
    const table = page.getByRole("table", { name: new RegExp(`项目绩效目标完成情况表${p.index}\\b`) });
    await expect(table).toContainText(`项目绩效目标完成情况表${p.index}`);
    await expect(table).toContainText("(2020年度)");
    await expect(table.getByRole("row", { name: /项目名称/ })).toContainText(p.name);
    await expect(table.getByRole("row", { name: /预算单位/ })).toContainText(p.budgetUnit);
    const budgetRow = table.getByRole("row", { name: /预算数:/ });
    await expect(budgetRow).toContainText(`${p.execution.budget}万`);
    await expect(budgetRow).toContainText(`${p.execution.executed}万`);
    await expect(table.getByRole("row", { name: /其它资金:/ })).toContainText("0");
    for (const h of ["一级指标", "二级指标", "三级指标", "预期指标值(包含数字及文字描述)", "实际完成指标值(包含数字及文字描述)", "预期目标", "实际完成目标"]) {
      await expect(table.getByRole("columnheader", { name: h, exact: true })).toBeVisible();
    }
    const rows = table.locator("tr[data-indicator-row]");
    await expect(rows).toHaveCount(p.indicators.length);
    for (const [i, ind] of p.indicators.entries()) {
      const cells = rows.nth(i).getByRole("cell");
      await expect(cells).toHaveCount(5);
      await expect(cells.nth(0)).toHaveText(ind.level1);
      await expect(cells.nth(1)).toHaveText(ind.level2);
      await expect(cells.nth(2)).toContainText(ind.level3.split("\n")[0]!);
      await expect(cells.nth(3)).toContainText(ind.expectedValue.split("\n")[0]!);
      await expect(cells.nth(4)).toContainText(ind.actualValue.split("\n")[0]!);
    }
  }
  const table1 = page.getByRole("table", { name: /项目绩效目标完成情况表1\b/ });
  await table1.scrollIntoViewIfNeeded();
  await table1.screenshot({ path: `${ARTIFACTS}/portal-project-table-1.png` });

  // 名词解释: 13 terms.
  const glossary = page.getByRole("list", { name: "名词解释" });
  await expect(glossary.getByRole("listitem")).toHaveCount(seed.glossary.length);
  expect(seed.glossary.length).toBe(13);
  for (const g of seed.glossary) await expect(glossary.getByText(g.term, { exact: true })).toBeVisible();

  // 附件1 and the five 附件2 reports, each with its sections and a link to its own page.
  const attachments = page.getByTestId("attachments");
  for (const title of [seed.overallReport.title, ...seed.selfEvaluationReports.map((r) => r.title)]) {
    await expect(attachments.getByRole("heading", { level: 3, name: norm(title), exact: true })).toBeVisible();
    // The link's name starts with its visible text (WCAG 2.5.3) and names the report without printing spaces.
    await expect(attachments.getByRole("link", { name: `单独查看此报告：${squeezeCjkSpaces(title)}`, exact: true })).toHaveAttribute("href", /^\/published\/[a-z0-9]+$/);
  }
  for (const s of seed.overallReport.sections) await expect(attachments.getByRole("heading", { name: norm(s.heading), exact: true }).first()).toBeVisible();
  await expect(attachments.getByText("附件1", { exact: true })).toBeVisible();
  await expect(attachments.getByText("附件2", { exact: true })).toBeVisible();
  const lastReport = seed.selfEvaluationReports.at(-1)!;
  await expect(attachments.getByText(lastReport.sections.at(-1)!.body.split("\n")[0]!).last()).toBeVisible();

  // Print: A4 document without the site's navigation, the table of contents or the print button.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("link", { name: "工作人员登录" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "目录" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "页面路径" })).toBeHidden();
  await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const printed = await page.evaluate(() => {
    const td = document.querySelector("#table-detail td")!;
    const part2 = document.getElementById("sec-finalAccounts-part")!;
    const row = document.querySelector("#project-table-1 tr")!;
    return {
      font: getComputedStyle(document.querySelector("article")!).fontFamily,
      border: getComputedStyle(td).borderTopStyle,
      breakBefore: getComputedStyle(part2).breakBefore,
      rowBreak: getComputedStyle(row).breakInside,
    };
  });
  expect(printed.font).toMatch(/Serif|Song|SimSun/);
  expect(printed.border).toBe("solid");
  expect(printed.breakBefore).toBe("page");
  expect(printed.rowBreak).toBe("avoid");
  await page.pdf({ path: `${ARTIFACTS}/portal-document.pdf`, preferCSSPageSize: true, printBackground: false });
  await page.emulateMedia({ media: "screen" });
});

test("手机屏幕：页面不横向溢出，宽表格在自己的容器内滚动", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(DOC_URL);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const { pageOverflow, tableScrolls } = await page.evaluate(() => {
    const wrap = document.getElementById("project-table-1")!.parentElement!;
    return {
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      tableScrolls: wrap.scrollWidth > wrap.clientWidth && getComputedStyle(wrap).overflowX === "auto",
    };
  });
  expect(pageOverflow).toBeLessThanOrEqual(0);
  expect(tableScrolls).toBe(true);
  // A scrolled table keeps its caption in view.
  const caption = page.locator("#project-table-1 caption");
  const captionLeft = async () => (await caption.boundingBox())!.x;
  const before = await captionLeft();
  await page.evaluate(() => (document.getElementById("project-table-1")!.parentElement!.scrollLeft = 300));
  expect(Math.abs((await captionLeft()) - before)).toBeLessThan(2);
  // Chart text stays legible (it was about 6 px when the drawing shrank to the screen).
  const smallest = await page.evaluate(() => Math.min(...[...document.querySelectorAll("figure svg text")].map((t) => t.getBoundingClientRect().height)));
  expect(smallest).toBeGreaterThanOrEqual(11);
  await page.screenshot({ path: `${ARTIFACTS}/portal-document-phone.png` });
});

test("不存在的部门、年度或版本返回404", async ({ page }) => {
  for (const url of ["/portal/no-such-dept/2020", "/portal/gy-swbb/2019", "/portal/gy-swbb/20x0", `${DOC_URL}?version=9`, `${DOC_URL}?version=abc`]) {
    const r = await page.goto(url);
    expect(r?.status(), url).toBe(404);
  }
});

test.describe("更正后的版本", () => {
  const tag = randomBytes(3).toString("hex");
  const code = `e2e-portal-${tag}`;
  const ids = { department: `e2e-portal-dept-${tag}`, year: `e2e-portal-dy-${tag}`, report: `e2e-portal-rep-${tag}` };

  test.beforeAll(async () => {
    // A department of its own, publishing the seed's document twice (a correction).
    const [src] = await sql<{ snapshot: { document: Record<string, unknown> } }>(
      `SELECT p."snapshot" FROM "ReportPublication" p JOIN "Report" r ON r."id" = p."reportId" JOIN "Department" d ON d."id" = r."departmentId"
       WHERE d."code" = 'gy-swbb' AND r."kind" = 'FINAL_ACCOUNTS' AND p."versionNo" = 1`,
    );
    const doc = src!.snapshot.document;
    await sql(`INSERT INTO "Department" ("id", "code", "name", "shortName", "sortOrder", "updatedAt") VALUES ($1, $2, $3, $4, 9999, now())`, [ids.department, code, `测试更正部门${tag}`, `更正${tag}`]);
    await sql(`INSERT INTO "DepartmentYear" ("id", "departmentId", "year", "updatedAt") VALUES ($1, $2, 2020, now())`, [ids.year, ids.department]);
    await sql(
      `INSERT INTO "Report" ("id", "kind", "scopeKey", "departmentId", "departmentYearId", "year", "title", "status", "publishedAt", "updatedAt")
       VALUES ($1, 'FINAL_ACCOUNTS', $2, $3, $4, 2020, $5, 'PUBLISHED', '2021-11-01T02:00:00Z', now())`,
      [ids.report, `FINAL_ACCOUNTS:${ids.year}`, ids.department, ids.year, `测试更正部门${tag}2020年度部门决算公开`],
    );
    const snapshot = (title: string) => JSON.stringify({ format: 1, title, sections: [], document: { ...doc, title } });
    await sql(
      `INSERT INTO "ReportPublication" ("id", "reportId", "versionNo", "snapshot", "publishedAt", "supersededAt", "correctionNote") VALUES
       ($1, $3, 1, $4::jsonb, '2021-09-30T02:00:00Z', '2021-11-01T02:00:00Z', ''),
       ($2, $3, 2, $5::jsonb, '2021-11-01T02:00:00Z', NULL, '更正项目绩效目标完成情况表3的预算单位名称。')`,
      [`${ids.report}-v1`, `${ids.report}-v2`, ids.report, snapshot("测试更正部门2020年度部门决算公开（原版）"), snapshot("测试更正部门2020年度部门决算公开")],
    );
  });

  // No clean-up: publications are frozen (the database rejects deletes) and the database is thrown away.

  test("现行版本注明更正日期和更正说明，可查看并返回此前版本", async ({ page }) => {
    await page.goto(`/portal/${code}/2020`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("测试更正部门2020年度部门决算公开");
    const notice = page.getByTestId("version-notice");
    await expect(notice).toContainText("本文件已于2021年11月1日更正（第2版）");
    await expect(notice).toContainText("更正说明：更正项目绩效目标完成情况表3的预算单位名称。");
    await notice.getByRole("link", { name: "第1版（2021年9月30日公开）" }).click();
    await expect(page).toHaveURL(new RegExp(`/portal/${code}/2020/v/1$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("测试更正部门2020年度部门决算公开（原版）");
    await expect(page.getByTestId("version-notice")).toContainText("您正在查看第1版（2021年9月30日公开）。该版本已于2021年11月1日被第2版更正。");
    await page.getByRole("link", { name: "查看现行版本" }).click();
    await expect(page).toHaveURL(new RegExp(`/portal/${code}/2020$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("测试更正部门2020年度部门决算公开");

    // The earlier address of a version still works: it redirects to the permanent one.
    await page.goto(`/portal/${code}/2020?version=1`);
    await expect(page).toHaveURL(new RegExp(`/portal/${code}/2020/v/1$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("测试更正部门2020年度部门决算公开（原版）");
  });

  test("缓存：现行版本每次重新验证（ETag），被更正的版本长期不变", async ({ request }) => {
    const latest = await request.get(`/portal/${code}/2020`);
    expect(latest.status()).toBe(200);
    expect(latest.headers()["cache-control"]).toBe("public, max-age=0, must-revalidate");
    const etag = latest.headers()["etag"]!;
    expect(etag).toBeTruthy();
    const revalidated = await request.get(`/portal/${code}/2020`, { headers: { "If-None-Match": etag } });
    expect(revalidated.status()).toBe(304);

    // The current version at its own address: the same page, revalidated as well.
    const v2 = await request.get(`/portal/${code}/2020/v/2`);
    expect(v2.headers()["cache-control"]).toBe("public, max-age=0, must-revalidate");
    expect(await v2.text()).toBe(await latest.text());

    const v1 = await request.get(`/portal/${code}/2020/v/1`);
    expect(v1.status()).toBe(200);
    expect(v1.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(await v1.text()).toContain("测试更正部门2020年度部门决算公开（原版）");

    const legacy = await request.get(`/portal/${code}/2020?version=1`, { maxRedirects: 0 });
    expect(legacy.status()).toBe(308);
    expect(legacy.headers()["location"]).toBe(`/portal/${code}/2020/v/1`);

    // The cached page's internal address is not reachable over HTTP at all (the edge guard
    // answers 404, not cached; inside Next a made-up key is an error by design), and the public
    // addresses are unaffected by such requests.
    for (const made of [`/portal-render/${code}/2020/${ids.report}-v1/current`, `/portal-render/gy-swbb/2020/${ids.report}-v2/current`, `/portal-render/${code}/2020/${ids.report}-v3/current`]) {
      const r = await request.get(made);
      expect(r.status(), made).toBe(404);
      expect(r.headers()["cache-control"], made).toContain("no-store");
    }
    expect(await (await request.get(`/portal/${code}/2020`)).text()).toBe(await latest.text());
    expect((await request.get(`/portal/${code}/2020/v/1`)).status()).toBe(200);
  });
});

test.describe("发布更正后立即生效", () => {
  const tag = randomBytes(3).toString("hex");
  const code = `e2e-repub-${tag}`;
  const ids = { department: `e2e-repub-dept-${tag}`, year: `e2e-repub-dy-${tag}`, report: `e2e-repub-rep-${tag}` };
  let doc: Record<string, unknown>;

  test.beforeAll(async () => {
    const [src] = await sql<{ snapshot: { document: Record<string, unknown> } }>(
      `SELECT p."snapshot" FROM "ReportPublication" p JOIN "Report" r ON r."id" = p."reportId" JOIN "Department" d ON d."id" = r."departmentId"
       WHERE d."code" = 'gy-swbb' AND r."kind" = 'FINAL_ACCOUNTS' AND p."versionNo" = 1`,
    );
    doc = src!.snapshot.document;
    await sql(`INSERT INTO "Department" ("id", "code", "name", "shortName", "sortOrder", "updatedAt") VALUES ($1, $2, $3, $4, 9999, now())`, [ids.department, code, `测试重新发布部门${tag}`, `重发${tag}`]);
    await sql(`INSERT INTO "DepartmentYear" ("id", "departmentId", "year", "updatedAt") VALUES ($1, $2, 2020, now())`, [ids.year, ids.department]);
    await sql(
      `INSERT INTO "Report" ("id", "kind", "scopeKey", "departmentId", "departmentYearId", "year", "title", "status", "publishedAt", "updatedAt")
       VALUES ($1, 'FINAL_ACCOUNTS', $2, $3, $4, 2020, $5, 'PUBLISHED', '2021-09-30T02:00:00Z', now())`,
      [ids.report, `FINAL_ACCOUNTS:${ids.year}`, ids.department, ids.year, `测试重新发布部门${tag}2020年度部门决算公开`],
    );
    await sql(`INSERT INTO "ReportPublication" ("id", "reportId", "versionNo", "snapshot", "publishedAt", "correctionNote") VALUES ($1, $2, 1, $3::jsonb, '2021-09-30T02:00:00Z', '')`, [
      `${ids.report}-v1`,
      ids.report,
      JSON.stringify({ format: 1, title: "第一版", sections: [], document: { ...doc, title: "重新发布测试（第一版）" } }),
    ]);
  });

  test("新版本一经发布，现行地址立即显示新版本，第1版仍可查看", async ({ page }) => {
    const url = `/portal/${code}/2020`;
    // The second answer comes from the page cache (and the browser's own copy is revalidated: 304).
    await page.request.get(url);
    expect((await page.request.get(url)).headers()["x-nextjs-cache"]).toBe("HIT");
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("重新发布测试（第一版）");
    await expect(page.getByText("第1版（现行）")).toBeVisible();
    expect((await page.goto(`${url}/v/2`))?.status()).toBe(404);

    // A correction is published (as the workflow does it: one transaction).
    await sql(
      `WITH old AS (UPDATE "ReportPublication" SET "supersededAt" = '2021-11-01T02:00:00Z' WHERE "reportId" = $1 AND "versionNo" = 1)
       INSERT INTO "ReportPublication" ("id", "reportId", "versionNo", "snapshot", "publishedAt", "correctionNote") VALUES ($2, $1, 2, $3::jsonb, '2021-11-01T02:00:00Z', '更正了标题。')`,
      [ids.report, `${ids.report}-v2`, JSON.stringify({ format: 1, title: "第二版", sections: [], document: { ...doc, title: "重新发布测试（第二版）" } })],
    );

    const after = await page.goto(url);
    expect(after?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("重新发布测试（第二版）");
    await expect(page.getByText("第2版（现行）")).toBeVisible();
    await expect(page.getByTestId("version-notice")).toContainText("更正说明：更正了标题。");
    // The version that did not exist a moment ago (its 404 was not cached).
    expect((await page.goto(`${url}/v/2`))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("重新发布测试（第二版）");

    await page.goto(`${url}/v/1`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("重新发布测试（第一版）");
    await expect(page.getByTestId("version-notice")).toContainText("该版本已于2021年11月1日被第2版更正。");
    await page.screenshot({ path: `${ARTIFACTS}/portal-superseded-version.png` });
    await expect(page.getByTestId("download-pdf")).toHaveAttribute("href", /\/download\?format=pdf&version=1$/);
  });
});
