/**
 * Open data of a published year document (fields documented in OPEN-DATA.md):
 *
 * - JSON: `{ dataset, fields, figureKeys, document }`, where `document` is the
 *   YearDocument exactly as frozen at publication, `fields` says what each field means
 *   and its unit, `dataset.tables` links the CSV of each table.
 * - CSV: one file per table (`?format=csv&table=<id>`), UTF-8 with a byte-order mark
 *   (Excel then reads the Chinese correctly), RFC 4180 quoting and CRLF line ends;
 *   amounts in 万元 with two decimals, unit in the header.
 */
import type { YearDocument } from "@/features/publication/year-document";
import { FIELD_DOCS, FIGURE_DOCS } from "./fields";
import { CONTENT_TYPES, exportFileName, type BuiltFile } from "./files";
import type { StandardTable, TableColumn } from "./table-model";
import { buildTables, isTableId, TABLE_IDS } from "./tables";

/** The public download URL of a format (path only: the same bytes serve every host). */
export function downloadPath(doc: Pick<YearDocument, "ref">, versionNo: number, format: string, table?: string): string {
  const q = new URLSearchParams({ format, ...(table ? { table } : {}), version: String(versionNo) });
  return `/api/portal/${encodeURIComponent(doc.ref.departmentCode)}/${doc.ref.year}/download?${q.toString()}`;
}

export function buildYearJson(doc: YearDocument, versionNo: number): BuiltFile {
  const tables = buildTables(doc);
  const payload = {
    dataset: {
      title: doc.title,
      department: doc.department.name,
      departmentCode: doc.ref.departmentCode,
      year: doc.ref.year,
      versionNo,
      publishedAt: doc.publishedAt,
      unit: "金额为万元（两位小数的十进制字符串），比重、增减率、完成率为百分数（两位小数）",
      documentation: "字段含义见 fields（与 OPEN-DATA.md 相同）",
      tables: Object.fromEntries(tables.map((t) => [t.id, { title: t.title, csv: downloadPath(doc, versionNo, "csv", t.id) }])),
      downloads: { pdf: downloadPath(doc, versionNo, "pdf"), docx: downloadPath(doc, versionNo, "docx"), xlsx: downloadPath(doc, versionNo, "xlsx") },
    },
    fields: Object.fromEntries(FIELD_DOCS.map((f) => [f.path, { meaning: f.meaning, unit: f.unit }])),
    figureKeys: Object.fromEntries(FIGURE_DOCS.map((f) => [f.path, { meaning: f.meaning, unit: f.unit }])),
    document: doc,
  };
  return {
    bytes: new TextEncoder().encode(`${JSON.stringify(payload, null, 2)}\n`),
    contentType: CONTENT_TYPES.json,
    fileName: exportFileName(doc, versionNo, "json"),
  };
}

/** The header of a CSV column: its Chinese name with the unit. */
export function csvHeader(c: TableColumn, unit: string): string {
  if (c.kind === "amount" && unit) return `${c.header}（${unit}）`;
  if (c.kind === "percent" && !c.header.includes("%")) return `${c.header}（%）`;
  return c.header;
}

/** One CSV field: quoted when needed; text that a spreadsheet would run as a formula is prefixed with '. */
export function csvField(v: string | number | null | undefined, kind: TableColumn["kind"]): string {
  if (v == null) return "";
  let s = String(v);
  if ((kind === "text" || kind === "code") && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tableCsv(t: StandardTable): string {
  const lines = [t.columns.map((c) => csvField(csvHeader(c, t.unit), "text")).join(",")];
  for (const r of t.rows) lines.push(t.columns.map((c) => csvField(r.cells[c.key], c.kind)).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export function buildYearCsv(doc: YearDocument, versionNo: number, tableId: string): BuiltFile {
  if (!isTableId(tableId)) throw new Error(`未知的表格：${tableId}（可选：${TABLE_IDS.join("、")}）`);
  const table = buildTables(doc).find((t) => t.id === tableId)!;
  return {
    bytes: new TextEncoder().encode(tableCsv(table)),
    contentType: CONTENT_TYPES.csv,
    fileName: exportFileName(doc, versionNo, "csv", table.title),
  };
}
