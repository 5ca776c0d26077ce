import "server-only";
import { authorize } from "@/features/auth/session";
import { attachmentDisposition, XLSX_MIME } from "@/features/indicators/excel";
import { FISCAL_YEAR_MESSAGE, parseFiscalYear } from "@/lib/fiscal-year";
import { yearOverview, yearProjects } from "./data";
import { buildOverviewCsv, buildSummaryWorkbook } from "./export";

const noStore = { "Cache-Control": "no-store" };

/** Signed in (401) and holding "oversight.read" (403), with a valid year (400); else the refusal. */
async function guard(yearText: string): Promise<{ year: number } | { response: Response }> {
  const auth = await authorize("oversight.read");
  if ("refusal" in auth) {
    const signedIn = auth.refusal.ok === false && auth.refusal.reason !== "unauthenticated";
    return { response: Response.json({ message: auth.refusal.ok ? "" : auth.refusal.message }, { status: signedIn ? 403 : 401, headers: noStore }) };
  }
  const year = parseFiscalYear(yearText);
  if (year === undefined) return { response: Response.json({ message: FISCAL_YEAR_MESSAGE }, { status: 400, headers: noStore }) };
  return { year };
}

/** GET /api/oversight/[year]/summary: the year's 汇总表 as .xlsx. */
export async function summaryResponse(yearText: string): Promise<Response> {
  const g = await guard(yearText);
  if ("response" in g) return g.response;
  const buffer = await buildSummaryWorkbook(g.year, await yearProjects(g.year));
  return new Response(new Uint8Array(buffer), { headers: { "Content-Type": XLSX_MIME, "Content-Disposition": attachmentDisposition(`${g.year}年度项目绩效汇总表.xlsx`), ...noStore } });
}

/** GET /api/oversight/[year]/overview: the year overview as CSV. */
export async function overviewCsvResponse(yearText: string): Promise<Response> {
  const g = await guard(yearText);
  if ("response" in g) return g.response;
  const { rows, totals } = await yearOverview(g.year);
  return new Response(buildOverviewCsv(rows, totals), { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachmentDisposition(`${g.year}年度部门总览.csv`), ...noStore } });
}
