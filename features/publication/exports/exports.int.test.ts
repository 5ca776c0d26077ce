/**
 * The downloads of the seed's published year document (市委编办 2020), built from the
 * publication snapshot as the route does: Word, Excel, JSON and CSV content, the
 * open-data field documentation, and the ExportFile store under concurrent requests.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { databaseForFile } from "@/tests/integration/db";
import { publishedYearDocument } from "@/tests/integration/publications";
import type { YearDocument } from "../year-document";
import { buildYearDocx } from "./docx";
import { FIELD_DOCS, FIGURE_DOCS } from "./fields";
import { buildYearCsv, buildYearJson, csvField, csvHeader } from "./open-data";
import { getOrCreateExportWith } from "./store";
import { buildTables, TABLE_IDS } from "./tables";
import { buildYearXlsx } from "./xlsx";

vi.mock("server-only", () => ({}));

const t = databaseForFile({ demo: true });
let doc: YearDocument;
let reportId: string;
beforeAll(async () => {
  const published = await publishedYearDocument(t.prisma);
  doc = published.doc;
  reportId = published.publication.reportId;
});

/** Every leaf path of a value, arrays as [] and the keys of `figures` as <key>. */
function leafPaths(v: unknown, p = "", out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) {
    if (v.length === 0) out.add(`${p}[]`);
    for (const x of v) leafPaths(x, `${p}[]`, out);
  } else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) leafPaths(x, p === "figures" ? "figures.<key>" : p ? `${p}.${k}` : k, out);
  } else out.add(p);
  return out;
}

describe("open-data documentation", () => {
  const md = readFileSync(path.join(__dirname, "OPEN-DATA.md"), "utf8");

  it("documents every field of the year document, in fields.json and in OPEN-DATA.md", () => {
    const documented = new Set(FIELD_DOCS.map((f) => f.path));
    const missing = [...leafPaths(doc)].filter((p) => !documented.has(p));
    expect(missing).toEqual([]);
    for (const f of [...FIELD_DOCS, ...FIGURE_DOCS]) expect(md, f.path).toContain(`\`${f.path}\``);
    const figureKeys = new Set(FIGURE_DOCS.map((f) => f.path));
    expect(Object.keys(doc.figures).filter((k) => !figureKeys.has(k))).toEqual([]);
  });

  it("documents every CSV table and column", () => {
    for (const table of buildTables(doc)) {
      const at = md.indexOf(`### \`${table.id}\``);
      expect(at, table.id).toBeGreaterThan(0);
      const next = md.indexOf("\n### ", at + 1);
      const part = md.slice(at, next < 0 ? undefined : next);
      for (const c of table.columns) expect(part, `${table.id}: ${c.header}`).toContain(`| ${csvHeader(c, table.unit)} |`);
    }
  });
});

describe("Word", () => {
  it("holds the title, parts, tables and glossary in the official layout", async () => {
    const file = await buildYearDocx(doc, 1);
    expect(file.fileName).toBe("中共广元市委机构编制委员会办公室2020年度部门决算公开.docx");
    const zip = await JSZip.loadAsync(file.bytes);
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    for (const h of ["第一部分 部门概况", "第二部分 2020年度部门决算情况说明", "名词解释", "第四部分 附件", "附件1", "附件2", "附表"]) expect(text).toContain(h);
    for (const p of doc.projects) expect(text).toContain(`项目绩效目标完成情况表${p.table}`);
    for (const g of doc.glossary) expect(text).toContain(g.term);
    expect(text).toContain("426.81");
    expect(text).toContain("284.31");
    // A4, headings as Word headings, repeated header rows, merged cells, page numbers.
    expect(xml).toContain('w:w="11906"');
    expect(xml).toContain('w:h="16838"');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain("<w:tblHeader/>");
    expect(xml).toContain("w:vMerge");
    expect(xml).toContain("w:gridSpan");
    const footer = await zip.file(/word\/footer\d*\.xml/)[0]!.async("string");
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    const fonts = await zip.file("word/fontTable.xml")!.async("string");
    expect(fonts).toContain('w:altName w:val="仿宋"');
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toContain('w:eastAsia="FangSong"');
    // The 三公 item labels are not printed as headings (the document prints only their paragraphs).
    expect(text).toContain("1.因公出国（境）经费支出0万元。");
  });
});

describe("Excel", () => {
  it("has one sheet per standard table with numbers in 万元", async () => {
    const file = await buildYearXlsx(doc, 1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual([
      "说明",
      "收入支出决算总表",
      "收入决算表",
      "支出决算表",
      "财政拨款收入支出决算总表",
      "一般公共预算财政拨款支出决算表",
      "一般公共预算财政拨款基本支出决算表",
      "一般公共预算财政拨款“三公”经费支出决算表",
      "政府性基金预算财政拨款收入支出决算表",
      "国有资本经营预算财政拨款支出决算表",
      "项目绩效目标完成情况表1",
      "项目绩效目标完成情况表2",
      "项目绩效目标完成情况表3",
      "项目绩效目标完成情况表4",
      "项目绩效目标完成情况表5",
      "名词解释",
    ]);
    const gb = wb.getWorksheet("一般公共预算财政拨款支出决算表")!;
    expect(gb.getRow(3).getCell(4).value).toBe("决算数");
    const row = gb.getRows(4, gb.rowCount - 3)!.find((r) => r.getCell(1).value === "2011001")!;
    expect(row.getCell(4).value).toBe(284.31);
    expect(row.getCell(4).numFmt).toBe("0.00");
    expect(gb.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(gb.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1 });
    const summary = wb.getWorksheet("收入支出决算总表")!;
    const total = summary.getRows(4, summary.rowCount - 3)!.find((r) => r.getCell(1).value === "总计")!;
    expect(total.getCell(2).value).toBe(426.81);
    const p1 = wb.getWorksheet("项目绩效目标完成情况表1")!;
    expect(p1.getCell("B3").value).toBe("全市综合执法改革");
    expect(p1.getCell("C5").value).toBe(18);
    expect(p1.getCell("F3").isMerged).toBe(true);
  });
});

describe("JSON and CSV", () => {
  it("JSON carries the document, the field documentation and the CSV links", () => {
    const json = JSON.parse(new TextDecoder().decode(buildYearJson(doc, 1).bytes));
    expect(json.document.totals.incomeExpenditure.amount).toBe("426.81");
    expect(json.fields["totals.incomeExpenditure.amount"].unit).toBe("万元");
    expect(json.dataset.tables["general-budget"].csv).toBe("/api/portal/gy-swbb/2020/download?format=csv&table=general-budget&version=1");
  });

  it("CSV: BOM, Chinese headers, CRLF, one file per table", () => {
    for (const id of TABLE_IDS) {
      const bytes = buildYearCsv(doc, 1, id).bytes;
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    const csv = new TextDecoder().decode(buildYearCsv(doc, 1, "general-budget").bytes);
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("科目编码,科目名称,预算数（万元）,决算数（万元）,基本支出（万元）,项目支出（万元）,完成预算（%）,决算数与预算数差异原因");
    expect(lines).toContain("2011001,行政运行,288.14,284.31,284.31,0.00,98.67,决算数小于预算数的主要原因是各项保险未清算支付。");
    expect(() => buildYearCsv(doc, 1, "nope")).toThrow(/未知的表格/);
  });

  it("quotes and defuses CSV fields", () => {
    expect(csvField('a,"b"', "text")).toBe('"a,""b"""');
    expect(csvField("=1+2", "text")).toBe("'=1+2");
    expect(csvField("-0.98", "amount")).toBe("-0.98");
    expect(csvField("第一行\n第二行", "text")).toBe('"第一行\n第二行"');
    expect(csvField(null, "text")).toBe("");
  });
});

describe("ExportFile store", () => {
  const file = (text: string) => ({ bytes: new TextEncoder().encode(text), contentType: "text/plain", fileName: "测试.txt" });
  const text = (r: { bytes: Uint8Array }) => new TextDecoder().decode(r.bytes);
  const key = (format: string, revision = 1) => ({ reportId, versionNo: 1, format, revision });

  it("builds once per version and format, then serves the stored bytes", async () => {
    let builds = 0;
    const build = async () => {
      builds++;
      await new Promise((r) => setTimeout(r, 50));
      return file("第一次");
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => getOrCreateExportWith(t.prisma, key("test-a"), build)));
    expect(builds).toBe(1);
    expect(new Set(results.map(text))).toEqual(new Set(["第一次"]));
    const again = await getOrCreateExportWith(t.prisma, key("test-a"), async () => file("第二次"));
    expect(again.fromCache).toBe(true);
    expect(text(again)).toBe("第一次");
    expect(await t.prisma.exportFile.count({ where: { reportId, format: "test-a" } })).toBe(1);
  });

  it("does not fail when another instance stores the same file first", async () => {
    const result = await getOrCreateExportWith(t.prisma, key("test-b"), async () => {
      // Another app instance finishes first.
      await t.prisma.exportFile.create({ data: { ...key("test-b"), contentType: "text/plain", fileName: "别的实例.txt", bytes: new TextEncoder().encode("别的实例"), sizeBytes: 12 } });
      return file("本实例");
    });
    expect(text(result)).toBe("别的实例");
    expect(result.fileName).toBe("别的实例.txt");
  });

  it("builds again when the exporter's revision goes up, and drops only older revisions", async () => {
    // A file stored before revisions existed (the migration gives it revision 0), then revision 1.
    await t.prisma.exportFile.create({ data: { ...key("test-c", 0), contentType: "text/plain", fileName: "旧.txt", bytes: new TextEncoder().encode("修订0"), sizeBytes: 7 } });
    const r1 = await getOrCreateExportWith(t.prisma, key("test-c", 1), async () => file("修订1"));
    expect(r1.fromCache).toBe(false);
    expect(text(r1)).toBe("修订1");
    expect((await getOrCreateExportWith(t.prisma, key("test-c", 1), async () => file("不应重建"))).fromCache).toBe(true);

    // The exporter changes: revision 2 is built although revision 1 is stored …
    let builds = 0;
    const r2 = await getOrCreateExportWith(t.prisma, key("test-c", 2), async () => {
      builds++;
      return file("修订2");
    });
    expect(builds).toBe(1);
    expect(text(r2)).toBe("修订2");
    const rows = () => t.prisma.exportFile.findMany({ where: { reportId, versionNo: 1, format: "test-c" }, orderBy: { revision: "asc" }, select: { revision: true } });
    // … and the older ones are gone.
    expect(await rows()).toEqual([{ revision: 2 }]);

    // An instance still on revision 1 (rolling update) builds its own file but leaves revision 2 alone.
    const old = await getOrCreateExportWith(t.prisma, key("test-c", 1), async () => file("修订1"));
    expect(text(old)).toBe("修订1");
    expect(await rows()).toEqual([{ revision: 1 }, { revision: 2 }]);
    expect(text(await getOrCreateExportWith(t.prisma, key("test-c", 2), async () => file("不应重建")))).toBe("修订2");

    // Other formats and versions of the report are untouched.
    expect(await t.prisma.exportFile.count({ where: { reportId, format: "test-a" } })).toBe(1);
  });
});
