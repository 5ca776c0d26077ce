/**
 * The public portal: an anonymous visitor finds a department's published year and
 * reads it as one page in the printed document's structure (sections, the tables of
 * 第二部分, 项目绩效目标完成情况表1–5, 名词解释, 附件), with the computed figures,
 * the printed ones where they disagree, an accessible chart, a phone layout, print
 * styles (corrected versions: portal-versions.spec.ts).
 */
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { guangyuan2020 as seed } from "../../prisma/seed/guangyuan-2020";
import { csvFields } from "./helpers/csv";
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
  const detail = page.getByRole("table", { name: /一般公共预算财政拨款支出决算表/ });
  // The 附表's model (exports/table-model): the same rows and cells as the Word, Excel and CSV files.
  const running = detail.getByRole("row", { name: /2011001\s*行政运行/ });
  await expect(running).toContainText("284.31");
  await expect(running).toContainText("98.67");
  await expect(running).toContainText("各项保险未清算支付");
  const detailTotal = detail.getByRole("row", { name: /^合计/ });
  await expect(detailTotal).toContainText("421.83");
  await expect(detailTotal).toContainText("原文为 421.84");
  await expect(detailTotal).toContainText("98.95");
  await expect(page.getByTestId("consistency-notice")).toContainText("一般公共预算财政拨款支出：计算值 421.83 万元，原文为 421.84 万元");
  const basic = page.getByRole("table", { name: /基本支出决算表/ });
  await expect(basic.getByRole("row", { name: /人员经费/ })).toContainText("319.19");
  await expect(basic.getByRole("row", { name: /日常公用经费/ })).toContainText("办公设备购置");
  const threePublic = page.getByRole("table", { name: /“三公”经费支出决算表/ });
  const domestic = threePublic.getByRole("row", { name: /国内公务接待费/ });
  await expect(domestic.getByRole("cell", { name: "3", exact: true })).toBeVisible();
  await expect(domestic.getByRole("cell", { name: "24", exact: true })).toBeVisible();
  await expect(domestic).toContainText("26.00");
  await expect(threePublic.getByRole("row", { name: /公务用车购置及运行维护费/ })).toContainText("-25.13");
  await expect(page.getByText(/年末公务用车保有量1辆（其他用车1辆）。/)).toBeVisible();
  // Those tables show, row by row and cell by cell, what the CSV files (and Word and Excel) hold.
  for (const [table, id] of [[detail, "general-budget"], [basic, "basic"], [threePublic, "three-public"], [page.getByRole("table", { name: /政府性基金预算财政拨款收入支出决算表/ }), "gov-fund"]] as const) {
    const csv = (await (await page.request.get(`/api/portal/gy-swbb/2020/download?format=csv&table=${id}`)).text()).replace(/^\uFEFF/, "");
    const expected = csv.trim().split(/\r?\n/).map(csvFields);
    const shown = await table.locator("tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.firstChild?.textContent ?? "").trim())));
    expect(shown.slice(1), id).toEqual(expected.slice(1));
  }
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
