/**
 * GET /api/portal/[departmentCode]/[year]/download?format=pdf|docx|xlsx|json|csv&table=…&version=N
 *
 * Public (published data, no sign-in). The file of a published version is built once and
 * kept in ExportFile; later requests (on any instance) are served from there. 404 when
 * nothing is published for the department and year (or that version does not exist).
 */
import { findPublishedVersion, getPublishedDocument } from "@/features/publication/data";
import { parseFiscalYear } from "@/lib/fiscal-year";
import { buildYearDocx } from "./docx";
import { attachmentDisposition, CONTENT_TYPES, exportFileName, isExportFormat, type BuiltFile, type ExportFormat, EXPORT_FORMATS, EXPORT_REVISIONS } from "./files";
import { buildYearCsv, buildYearJson } from "./open-data";
import { PdfUnavailableError, portalPagePath, renderPagePdf } from "./pdf";
import { getOrCreateExport } from "./store";
import { isTableId, TABLE_IDS } from "./tables";
import { buildYearXlsx } from "./xlsx";

const NO_STORE = { "Cache-Control": "no-store" };

class NotPublishedError extends Error {}
const fail = (status: number, message: string, extra: Record<string, unknown> = {}) => Response.json({ message, ...extra }, { status, headers: NO_STORE });

export async function handleDownload(request: Request, params: { departmentCode: string; year: string }): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const format = query.get("format") ?? "pdf";
  if (!isExportFormat(format)) return fail(400, `不支持的下载格式“${format}”，可选：${EXPORT_FORMATS.join("、")}`);
  const table = query.get("table") ?? "";
  if (format === "csv" && !isTableId(table)) {
    return fail(400, table ? `没有名为“${table}”的表格` : "请用 table 参数选择要下载的表格", { tables: TABLE_IDS });
  }
  const version = query.get("version");
  if (version !== null && !/^[1-9]\d{0,5}$/.test(version)) return fail(400, "版本号必须是正整数");
  const notFound = () => fail(404, "未找到已公开的部门决算（部门、年度或版本不存在，或尚未公开）");
  const year = parseFiscalYear(params.year);
  if (year === undefined) return notFound();
  const found = await findPublishedVersion(params.departmentCode, year, version === null ? undefined : Number(version));
  if (!found) return notFound();
  const { reportId, versionNo } = found;

  // The PDF prints the page, which says whether the version is current: a superseded version's
  // PDF is another file (the one printed while it was current said “（现行）”).
  const formatKey = format === "csv" ? `csv-${table}` : format === "pdf" && found.successorId ? "pdf-superseded" : format;
  const revision = EXPORT_REVISIONS[format];
  const etag = `"${reportId}-${versionNo}-${formatKey}-r${revision}"`;
  const cacheHeaders = { "Cache-Control": "public, max-age=300", ETag: etag };
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers: cacheHeaders });
  }

  // Only a file not stored yet needs the document itself.
  const build = async (): Promise<BuiltFile> => {
    const document = await getPublishedDocument(reportId, versionNo);
    if (!document) throw new NotPublishedError();
    switch (format as ExportFormat) {
      case "docx":
        return buildYearDocx(document, versionNo);
      case "xlsx":
        return buildYearXlsx(document, versionNo);
      case "json":
        return buildYearJson(document, versionNo);
      case "csv":
        return buildYearCsv(document, versionNo, table);
      case "pdf":
        return { bytes: await renderPagePdf(portalPagePath(params.departmentCode, year, versionNo)), contentType: CONTENT_TYPES.pdf, fileName: exportFileName(document, versionNo, "pdf") };
    }
  };

  let file;
  try {
    file = await getOrCreateExport({ reportId, versionNo, format: formatKey, revision }, build);
  } catch (e) {
    if (e instanceof NotPublishedError) return notFound();
    if (e instanceof PdfUnavailableError) return fail(503, e.message);
    console.error(`[download] ${params.departmentCode}/${params.year} v${versionNo} ${formatKey}:`, e);
    return fail(500, "文件生成失败，请稍后重试");
  }

  const ascii = `${params.departmentCode}-${params.year}${versionNo > 1 ? `-v${versionNo}` : ""}${format === "csv" ? `-${table}` : ""}.${format}`;
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      ...cacheHeaders,
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": attachmentDisposition(file.fileName, ascii),
      "X-Content-Type-Options": "nosniff",
      "X-Export-Cache": file.fromCache ? "hit" : "miss",
    },
  });
}
