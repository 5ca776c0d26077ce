/**
 * Downloads of a published year document, as an anonymous visitor: 中共广元市委机构编制委员会办公室
 * 2020 (the demo data, department code gy-swbb) as PDF, Word, Excel, JSON and CSV.
 * Files are opened the way a reader would: pdftotext / pdfinfo (poppler-utils), jszip,
 * exceljs.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIResponse } from "@playwright/test";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { EXPORT_REVISIONS } from "../../features/publication/exports/files";
import { sql } from "./helpers/db";

const BASE = "/api/portal/gy-swbb/2020/download";
const TITLE = "中共广元市委机构编制委员会办公室2020年度部门决算公开";
const PROJECTS = ["全市综合执法改革", "全市事业单位改革", "全市教职工编制调整工作", "行政权力和责任清单动态调整", "全市机构编制统计工作"];
const GLOSSARY = ["财政拨款收入", "事业收入", "其他收入", "年初结转和结余", "年末结转和结余", "基本支出", "项目支出", "“三公”经费", "机关运行经费"];
const PARTS = ["第一部分 部门概况", "第二部分 2020年度部门决算情况说明", "名词解释", "第四部分 附件"];
const SECTIONS = [
  "一、基本职能及主要工作",
  "二、机构设置",
  "收入支出决算总体情况说明",
  "四、财政拨款收入支出决算总体情况说明",
  "五、一般公共预算财政拨款支出决算情况说明",
  "七、“三公”经费财政拨款支出决算情况说明",
  "十、其他重要事项的情况说明",
  "（四）预算绩效管理情况。",
];

/** pdftotext breaks lines and spaces CJK text from digits: compare without whitespace. */
const squash = (s: string) => s.replace(/\s+/g, "");

function expectDownloadHeaders(r: APIResponse, contentType: RegExp, fileName: string) {
  expect(r.status()).toBe(200);
  const h = r.headers();
  expect(h["content-type"]).toMatch(contentType);
  expect(h["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent(fileName)}`);
  expect(h["content-disposition"]).toMatch(/^attachment;/);
  expect(h["cache-control"]).toBe("public, max-age=300");
  // report, version, format and the exporter's revision (a new revision is a new file).
  expect(h["etag"]).toMatch(/^"[a-z0-9]+-1-[a-z-]+-r[1-9]\d*"$/);
}

test.describe("公开下载（无需登录）", () => {
  test("PDF：A4 多页，包含各部分标题、主要数字、五个项目和名词解释；第二次从数据库提供", async ({ request }) => {
    test.setTimeout(180_000);
    const first = await request.get(`${BASE}?format=pdf`, { timeout: 150_000 });
    expectDownloadHeaders(first, /^application\/pdf/, `${TITLE}.pdf`);
    const pdf = await first.body();
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    // Kept for people to look at (git-ignored, like the screenshots of the other specs).
    mkdirSync("tests/e2e/.artifacts", { recursive: true });
    writeFileSync("tests/e2e/.artifacts/year-document.pdf", pdf);

    const dir = mkdtempSync(path.join(os.tmpdir(), "jixiao-pdf-"));
    try {
      const file = path.join(dir, "report.pdf");
      writeFileSync(file, pdf);
      const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
      // Chromium's A4 is 595.92 × 842.88 pt (whole CSS pixels); pdfinfo names it A4.
      const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/.exec(info) ?? [];
      expect(Math.abs(Number(w) - 595.3), info).toBeLessThan(1.5);
      expect(Math.abs(Number(h) - 841.9), info).toBeLessThan(1.5);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThan(1);
      const text = squash(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 32 * 1024 * 1024 }));
      for (const h of [...PARTS, ...SECTIONS]) expect(text, h).toContain(squash(h));
      expect(text).toContain("426.81");
      for (const p of PROJECTS) expect(text, p).toContain(p);
      for (const g of GLOSSARY) expect(text, g).toContain(g);
      expect(text).toContain(squash(`第 1 页 / 共 ${pages} 页`));
      // The 类/款/项 table runs over a page: its 合计 (first, as in the 附表 of the Word file) prints once.
      expect(text.split("合计426.32421.83349.3272.5198.95").length - 1).toBe(1);
      // It is longer than a page: the part on the next page is captioned as its continuation (续表),
      // under the repeated column headings (features/publication/exports/print-continuation.ts).
      expect(text.split(squash("2020年度一般公共预算财政拨款支出决算表（万元）（续表）")).length - 1).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // The second request is answered from ExportFile: same bytes, no rendering.
    const reportId = /^"([a-z0-9]+)-1-pdf-r\d+"$/.exec(first.headers()["etag"]!)![1]!;
    const rows = await sql<{ sizeBytes: number; fileName: string; revision: number }>(`SELECT "sizeBytes", "fileName", "revision" FROM "ExportFile" WHERE "reportId" = $1 AND "versionNo" = 1 AND "format" = 'pdf'`, [reportId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.revision).toBe(EXPORT_REVISIONS.pdf);
    expect(rows[0]!.sizeBytes).toBe(pdf.length);
    expect(rows[0]!.fileName).toBe(`${TITLE}.pdf`);
    const t0 = Date.now();
    const second = await request.get(`${BASE}?format=pdf&version=1`);
    const ms = Date.now() - t0;
    expectDownloadHeaders(second, /^application\/pdf/, `${TITLE}.pdf`);
    expect(second.headers()["x-export-cache"]).toBe("hit");
    expect(ms, `第二次下载用时 ${ms} ms`).toBeLessThan(2_000);
    const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
    expect(sha(await second.body())).toBe(sha(pdf));

    // A client holding the file revalidates with its ETag.
    const again = await request.get(`${BASE}?format=pdf`, { headers: { "If-None-Match": first.headers()["etag"]! } });
    expect(again.status()).toBe(304);
  });

  test("Word：公开文本版式，标题、各部分、表格和数字", async ({ request }) => {
    const r = await request.get(`${BASE}?format=docx`);
    expectDownloadHeaders(r, /wordprocessingml\.document/, `${TITLE}.docx`);
    const zip = await JSZip.loadAsync(await r.body());
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    for (const h of [...PARTS, ...SECTIONS, "附表", "项目绩效目标完成情况表1", "项目绩效目标完成情况表5"]) expect(text, h).toContain(h);
    for (const p of PROJECTS) expect(text, p).toContain(p);
    for (const n of ["426.81", "421.84", "284.31", "356.82", "3.18"]) expect(text, n).toContain(n);
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain("<w:tblHeader/>");
  });

  test("Excel：标准表各一个工作表，金额为数字（万元）", async ({ request }) => {
    // Several visitors at once, before the file exists: all succeed with the same stored bytes.
    const all = await Promise.all([1, 2, 3].map(() => request.get(`${BASE}?format=xlsx`)));
    const r = all[0]!;
    for (const x of all) expectDownloadHeaders(x, /spreadsheetml\.sheet/, `${TITLE}.xlsx`);
    const bodies = await Promise.all(all.map((x) => x.body()));
    expect(new Set(bodies.map((b) => b.toString("base64"))).size).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await r.body()) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    for (const n of ["收入支出决算总表", "收入决算表", "支出决算表", "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款“三公”经费支出决算表"]) expect(names).toContain(n);
    for (let i = 1; i <= 5; i++) expect(names).toContain(`项目绩效目标完成情况表${i}`);

    const rowWhere = (sheet: string, col: number, value: string) => {
      const ws = wb.getWorksheet(sheet)!;
      return ws.getRows(1, ws.rowCount)!.find((row) => row.getCell(col).value === value);
    };
    expect(rowWhere("收入支出决算总表", 1, "总计")?.getCell(2).value).toBe(426.81);
    const line = rowWhere("一般公共预算财政拨款支出决算表", 1, "2011001")!;
    expect(line.getCell(2).value).toBe("行政运行");
    expect(line.getCell(4).value).toBe(284.31);
    expect(line.getCell(4).numFmt).toBe("0.00");
    expect(rowWhere("一般公共预算财政拨款基本支出决算表", 1, "人员经费")?.getCell(2).value).toBe(319.19);
    expect(rowWhere("一般公共预算财政拨款“三公”经费支出决算表", 1, "合计")?.getCell(3).value).toBe(3.18);
    expect(wb.getWorksheet("项目绩效目标完成情况表5")!.getCell("B3").value).toBe("全市机构编制统计工作");
  });

  test("JSON：年度文件、字段说明和各表 CSV 链接", async ({ request }) => {
    const r = await request.get(`${BASE}?format=json`);
    expectDownloadHeaders(r, /^application\/json/, `${TITLE}.json`);
    const json = await r.json();
    expect(json.document.totals.incomeExpenditure).toMatchObject({ amount: "426.81", printed: "426.81" });
    expect(json.document.projects).toHaveLength(5);
    expect(json.fields["expenditureLines[].code"].meaning).toContain("功能分类");
    expect(json.dataset.tables.income.csv).toContain("format=csv&table=income");
  });

  test("CSV：带 BOM 的 UTF-8，中文表头；用 table 选择表格", async ({ request }) => {
    const r = await request.get(`${BASE}?format=csv&table=general-budget`);
    expectDownloadHeaders(r, /^text\/csv; charset=utf-8/, `${TITLE}-一般公共预算财政拨款支出决算表.csv`);
    const body = await r.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe("科目编码,科目名称,预算数（万元）,决算数（万元）,基本支出（万元）,项目支出（万元）,完成预算（%）,决算数与预算数差异原因");
    expect(lines.find((l) => l.startsWith("2011001,"))).toContain(",284.31,");

    const income = await request.get(`${BASE}?format=csv&table=income`);
    expect((await income.body()).subarray(3).toString("utf8")).toMatch(/^收入来源,本年收入决算数（万元）/);
    const missing = await request.get(`${BASE}?format=csv`);
    expect(missing.status()).toBe(400);
    expect((await missing.json()).tables).toContain("general-budget");
  });

  test("未公开或不存在：404；错误参数：400", async ({ request }) => {
    expect((await request.get("/api/portal/no-such-dept/2020/download?format=pdf")).status()).toBe(404);
    expect((await request.get("/api/portal/gy-swbb/2019/download?format=docx")).status()).toBe(404);
    expect((await request.get(`${BASE}?format=docx&version=99`)).status()).toBe(404);
    const bad = await request.get(`${BASE}?format=exe`);
    expect(bad.status()).toBe(400);
    expect((await bad.json()).message).toContain("不支持的下载格式");
    expect((await request.get(`${BASE}?format=docx&version=abc`)).status()).toBe(400);
  });
});
