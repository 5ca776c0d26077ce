/**
 * The year's 汇总表 (.xlsx, one row per project) and the overview (.csv) as the bureau downloads
 * them. Figures come ready from data.ts / overview.ts; this file only lays them out. Amounts are
 * 万元 with two decimals, rates in percent. Server side only (exceljs needs Node).
 */
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { fixed2 } from "@/lib/money";
import { GRADES, REPORT_STATES, REPORT_STATE_LABELS, type OverviewRow, type ProjectRow } from "./overview";
import { WARNING_RULE_LABELS } from "./warnings";

export const SUMMARY_HEADERS = ["部门", "项目", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）", "执行率（%）", "自评得分", "等级", "报告状态", "预警"];
const WIDTHS = [18, 36, 14, 14, 14, 10, 10, 6, 10, 60];

const amount = (v: string) => Number(fixed2(v === "" ? "0" : v));
const optionalNumber = (v: string | null) => (v == null ? "—" : Number(fixed2(v)));
const warningsText = (p: ProjectRow) => p.warnings.map((w) => `【${WARNING_RULE_LABELS[w.rule]}】${w.text}`).join("\n");

/**
 * The 汇总表 as a stream: exceljs' streaming writer commits each row to the zip as it comes, so a
 * province's 36,000 rows are never held as one workbook (with the whole workbook in memory, the
 * province's 汇总表 needed more than a 384 MB heap; bench/scale.ts).
 */
export function summaryWorkbookStream(year: number, slices: AsyncIterable<ProjectRow[]>): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(`${year}年度汇总表`, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = SUMMARY_HEADERS.map((header, i) => ({ header, width: WIDTHS[i], style: NUMBER_COLUMNS.has(i + 1) ? { numFmt: "0.00" } : i === 9 ? { alignment: { wrapText: true, vertical: "top" } } : {} }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  void (async () => {
    for await (const slice of slices) {
      for (const p of slice) {
        ws.addRow([
          p.department,
          p.name,
          amount(p.initialBudget),
          amount(p.annualBudget),
          amount(p.executed),
          optionalNumber(p.executionRate),
          optionalNumber(p.score),
          p.grade ?? "—",
          REPORT_STATE_LABELS[p.reportState],
          warningsText(p),
        ]).commit();
      }
    }
    ws.commit();
    await wb.commit();
  })().catch((e: unknown) => {
    console.error("汇总表生成失败：", e);
    out.destroy(e instanceof Error ? e : new Error(String(e)));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

const NUMBER_COLUMNS = new Set([3, 4, 5, 6, 7]);

const csvCell = (v: string | number | null) => {
  const s = v == null ? "" : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const OVERVIEW_CSV_HEADERS = [
  "部门",
  "项目数",
  "全年预算数（万元）",
  "全年执行数（万元）",
  "执行率（%）",
  ...REPORT_STATES.map((s) => `自评报告${REPORT_STATE_LABELS[s]}`),
  "部门决算",
  "整体报告",
  "平均得分",
  ...GRADES,
  "预警数",
];

/** The overview as CSV, UTF-8 with a BOM so that Excel opens the Chinese text correctly. */
export function buildOverviewCsv(rows: OverviewRow[], totals: Omit<OverviewRow, "departmentId" | "department">): string {
  const line = (name: string, r: Omit<OverviewRow, "departmentId" | "department">) =>
    [
      name,
      r.projectCount,
      r.annualBudget,
      r.executed,
      r.executionRate ?? "—",
      ...REPORT_STATES.map((s) => r.reports[s]),
      r.finalAccounts ? REPORT_STATE_LABELS[r.finalAccounts] : "",
      r.overall ? REPORT_STATE_LABELS[r.overall] : "",
      r.averageScore ?? "—",
      ...GRADES.map((g) => r.grades[g]),
      r.warningCount,
    ]
      .map(csvCell)
      .join(",");
  return "\uFEFF" + [OVERVIEW_CSV_HEADERS.join(","), ...rows.map((r) => line(r.department, r)), line("合计", totals)].join("\r\n") + "\r\n";
}
