/**
 * Formats, MIME types and file names of the downloads of a published year document.
 */
import type { YearDocument } from "@/features/publication/year-document";

export const EXPORT_FORMATS = ["pdf", "docx", "xlsx", "json", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const isExportFormat = (v: string): v is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(v);

/**
 * Revision of each exporter. Stored files are keyed by it (ExportFile.revision): bump a
 * format's number in the commit that changes what it produces — for "pdf" that includes
 * the portal page and its print stylesheet (features/publication/components/**, the print rules of
 * app/globals.css) — and
 * every instance builds that format's files again on their next download; files of an
 * older revision are deleted as the new ones are stored.
 */
export const EXPORT_REVISIONS: Record<ExportFormat, number> = {
  pdf: 4, // 2: print rules in app/globals.css (合计 once, captions with their tables); 3: long tables cut into pages marked （续表）; 4: every table of the page laid out from the table model (基本支出, “三公”经费, 类/款/项 and the single-figure tables as in Word/Excel/CSV)
  docx: 2, // 2: 项目绩效目标完成情况表 from the shared grid (the page's spans and labels)
  xlsx: 2, // 2: the same
  json: 1,
  csv: 1,
};

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

/** The file produced by an exporter, before it is stored. */
export type BuiltFile = { bytes: Uint8Array; contentType: string; fileName: string };

/**
 * `中共广元市委机构编制委员会办公室2020年度部门决算公开.pdf`; a correction version adds
 * `（第2版）`, a CSV adds its table (`…-收入决算表.csv`).
 */
export function exportFileName(doc: Pick<YearDocument, "title" | "department" | "ref">, versionNo: number, ext: string, part?: string): string {
  const title = doc.title || `${doc.department.name}${doc.ref.year}年度部门决算公开`;
  return `${title}${versionNo > 1 ? `（第${versionNo}版）` : ""}${part ? `-${part}` : ""}.${ext}`;
}

/**
 * `Content-Disposition` for a download with a Chinese file name (RFC 6266 / 5987): an
 * ASCII `filename` for old clients and the real name as `filename*=UTF-8''…`.
 * Characters Windows forbids in file names become "_".
 */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const safe = fileName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_");
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** "2021年9月30日": a publication time as a date in China. */
export function publishedDateText(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" }).format(d);
}
