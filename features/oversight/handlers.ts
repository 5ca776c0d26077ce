import "server-only";
import { checkDownloadPermission } from "@/features/auth/guard";
import { attachmentDisposition, XLSX_MIME } from "@/lib/download-headers";
import { departmentScope, type Actor } from "@/lib/actor";
import type { Db } from "@/lib/db-client";
import { FISCAL_YEAR_MESSAGE, parseFiscalYear } from "@/lib/fiscal-year";
import { yearOverview, yearProjectSlices } from "./data";
import { buildOverviewCsv, summaryWorkbookStream } from "./export";

const noStore = { "Cache-Control": "no-store" };

/** Signed in (else 401), holding "oversight.read" (else 403), with a valid year (else 400); else the refusal. */
function guard(actor: Actor | null, yearText: string): { year: number; actor: Actor } | { response: Response } {
  const auth = checkDownloadPermission(actor, "oversight.read");
  if ("response" in auth) return auth;
  const year = parseFiscalYear(yearText);
  if (year === undefined) return { response: Response.json({ message: FISCAL_YEAR_MESSAGE }, { status: 400, headers: noStore }) };
  return { year, actor: auth.actor };
}

/** GET /api/oversight/[year]/summary: the year's 汇总表 as .xlsx. */
export async function summaryHandler(prisma: Db, actor: Actor | null, yearText: string): Promise<Response> {
  const g = guard(actor, yearText);
  if ("response" in g) return g.response;
  // Streamed as it is written (the browser shows the bytes arriving); a failure midway ends the download short.
  return new Response(summaryWorkbookStream(g.year, yearProjectSlices(g.year, undefined, prisma, departmentScope(g.actor))), {
    headers: { "Content-Type": XLSX_MIME, "Content-Disposition": attachmentDisposition(`${g.year}年度项目绩效汇总表.xlsx`), ...noStore },
  });
}

/** GET /api/oversight/[year]/overview: the year overview as CSV (UTF-8 with BOM). */
export async function overviewCsvHandler(prisma: Db, actor: Actor | null, yearText: string): Promise<Response> {
  const g = guard(actor, yearText);
  if ("response" in g) return g.response;
  const { rows, totals } = await yearOverview(g.year, prisma, departmentScope(g.actor));
  return new Response(buildOverviewCsv(rows, totals), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachmentDisposition(`${g.year}年度部门总览.csv`), ...noStore },
  });
}
