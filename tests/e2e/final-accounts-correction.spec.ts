/**
 * Acceptance: an admin corrects a figure of the published 2020 year document of
 * 广元市委编办 through the UI, it is reviewed and republished, and the public page and
 * the downloads change while version 1 stays available, unchanged.
 *
 * This changes the seed's published document, so it runs after every other spec
 * (its own Playwright project, see playwright.config.ts).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { sql } from "./helpers/db";
import { act, newSignedInPage, actTo } from "./helpers/workflow";

const PAGE = "/portal/gy-swbb/2020";
const DOWNLOAD = "/api/portal/gy-swbb/2020/download";

test("管理员更正已公开决算的数字：重新打开、修改、审核、再公开；公开页面和下载随之更新，第1版仍可查阅", async ({ browser, request }) => {
  test.setTimeout(300_000);
  const [report] = await sql<{ id: string }>(
    `SELECT r."id" FROM "Report" r JOIN "Department" d ON d."id" = r."departmentId" WHERE d."code" = 'gy-swbb' AND r."year" = 2020 AND r."kind" = 'FINAL_ACCOUNTS'`,
  );

  // ── The admin reopens the year document with the reason, then corrects 行政运行 in the editor ──
  const admin = await newSignedInPage(browser, "admin", "Admin@2020");
  await admin.getByRole("link", { name: "部门决算", exact: true }).click();
  await admin.getByTestId("fa-open-gy-swbb-2020").click();
  await expect(admin.getByTestId("fa-readonly")).toContainText("重新打开以更正");
  await admin.goto(`/reports/${report!.id}`);
  await actTo(admin, "重新打开以更正", "草稿", "更正行政运行决算数（284.31万元应为284.32万元）");
  await admin.getByTestId("final-accounts-link").click();
  await expect(admin.getByLabel("第1行基本支出（万元）")).toHaveValue("284.31");
  await expect(admin.getByTestId("lines-total")).toHaveText("421.83");
  await expect(admin.getByTestId("fa-check-blocking").filter({ hasText: "人员经费 + 日常公用经费" })).toHaveCount(1);

  await admin.getByLabel("第1行基本支出（万元）").fill("284.32");
  await expect(admin.getByTestId("lines-total")).toHaveText("421.84");
  await expect(admin.getByTestId("fa-check-blocking").filter({ hasText: "人员经费 + 日常公用经费" })).toHaveCount(0);
  // The two remaining differences are the seed's own (rounding of printed totals; five of the projects evaluated): explained.
  await admin.getByLabel("核实说明：收支平衡").fill("收支总计按已公开数列示，尾差0.01万元");
  await admin.getByLabel("核实说明：项目支出与项目执行数").fill("项目支出另含未单独开展绩效自评的零星项目");
  await expect(admin.getByTestId("fa-check-blocking")).toHaveCount(0);
  await admin.getByTestId("fa-save").click();
  await expect(admin.getByTestId("fa-saved")).toContainText("修改 3 处");

  // ── Review as usual: the owner submits, the reviewer approves and publishes ──
  const owner = await newSignedInPage(browser, "owner", "Owner@2020");
  await owner.goto(`/reports/${report!.id}`);
  await act(owner, "提交审核");
  await expect(owner.getByTestId("report-saved")).toContainText("已提交审核");
  const reviewer = await newSignedInPage(browser, "reviewer", "Review@2020");
  await reviewer.goto(`/reports/${report!.id}`);
  await actTo(reviewer, "审核通过", "已通过");
  await actTo(reviewer, "公开", "已公开");

  // ── The public page shows version 2 at once; version 1 is still there, unchanged ──
  const visitor = await newSignedInPage(browser);
  await visitor.goto(PAGE);
  await expect(visitor.getByTestId("version-notice")).toContainText("更正行政运行决算数");
  const detail = visitor.getByRole("table", { name: /一般公共预算财政拨款支出决算表/ });
  await expect(detail.getByRole("row", { name: /2011001\s*行政运行/ })).toContainText("284.32");
  await expect(detail.getByRole("row", { name: /^合计/ })).toContainText("421.84");
  // The text still says what was printed; the notice names where it now disagrees with the figures.
  // Version 2: 421.84 and “减少30.09万元” now agree with the lines; the printed 421.85 still does not.
  await expect(visitor.getByTestId("narrative-findings")).toContainText("原文“421.85万元”，按数据计算为421.84万元");
  await expect(visitor.getByTestId("narrative-findings")).not.toContainText("减少30.09万元");
  await visitor.goto(`${PAGE}?version=1`);
  await expect(visitor.getByTestId("narrative-findings")).toContainText("原文“减少30.09万元”，按数据计算为减少30.10万元");
  const detail1 = visitor.getByRole("table", { name: /一般公共预算财政拨款支出决算表/ });
  await expect(detail1.getByRole("row", { name: /2011001\s*行政运行/ })).toContainText("284.31");
  await expect(detail1.getByRole("row", { name: /^合计/ })).toContainText("421.83");

  // ── Downloads follow: CSV, Excel and PDF of version 2; version 1's files unchanged ──
  const csv = async (version?: number) =>
    (await (await request.get(`${DOWNLOAD}?format=csv&table=general-budget${version ? `&version=${version}` : ""}`)).body()).subarray(3).toString("utf8");
  expect((await csv()).split("\r\n").find((l) => l.startsWith("2011001,"))).toContain(",284.32,");
  expect((await csv(1)).split("\r\n").find((l) => l.startsWith("2011001,"))).toContain(",284.31,");

  const xlsx = await request.get(`${DOWNLOAD}?format=xlsx`);
  expect(xlsx.status()).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  const cells: unknown[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => cells.push(c.value))));
  expect(cells).toContain(284.32);
  expect(cells).not.toContain(284.31);

  // The PDF of version 2 is printed on first request: the page shows the time it takes, then saves it.
  await visitor.goto(PAGE);
  const downloaded = visitor.waitForEvent("download", { timeout: 150_000 });
  await visitor.getByTestId("download-pdf").click();
  await expect(visitor.getByTestId("download-pdf-status")).toContainText("正在生成PDF");
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe("中共广元市委机构编制委员会办公室2020年度部门决算公开（第2版）.pdf");
  await expect(visitor.getByTestId("download-pdf-status")).toHaveText("PDF已下载");
  const dir = mkdtempSync(path.join(os.tmpdir(), "jixiao-pdf-"));
  try {
    const file = path.join(dir, "v2.pdf");
    await download.saveAs(file);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 32 * 1024 * 1024 }).replace(/\s+/g, "");
    expect(text).toContain("284.32");
    expect(text).toContain("第2版");
    // Version 1's PDF, printed again now that it is superseded: its figures, and the notice that it was corrected.
    const v1 = await request.get(`${DOWNLOAD}?format=pdf&version=1`, { timeout: 150_000 });
    expect(v1.status()).toBe(200);
    const file1 = path.join(dir, "v1.pdf");
    writeFileSync(file1, await v1.body());
    const text1 = execFileSync("pdftotext", ["-enc", "UTF-8", file1, "-"], { encoding: "utf8", maxBuffer: 32 * 1024 * 1024 }).replace(/\s+/g, "");
    expect(text1).toContain("284.31");
    expect(text1).toContain("被第2版更正");
    expect(text1).not.toContain("第1版（现行）");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
