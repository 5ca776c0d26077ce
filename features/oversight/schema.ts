import { z } from "@/lib/zod";
import { parseFiscalYear } from "@/lib/fiscal-year";
import { GRADES, OVERVIEW_SORTS, REPORT_STATES, type OverviewSort, type ReportState } from "./overview";
import type { Grade, MonitoringLight } from "@/features/scoring/types";

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** The overview page's query string; anything unreadable falls back to the default. */
export const overviewQuerySchema = z.object({
  year: z.preprocess(first, z.string().optional()).transform((v) => parseFiscalYear(v)),
  q: z.preprocess(first, z.string().max(50).optional()).catch(undefined),
  warnings: z.preprocess(first, z.string().optional()).transform((v) => v === "1").catch(false),
  sort: z
    .preprocess(first, z.string().optional())
    .transform((v): OverviewSort => (v && v in OVERVIEW_SORTS ? (v as OverviewSort) : "department"))
    .catch("department" as OverviewSort),
  desc: z.preprocess(first, z.string().optional()).transform((v) => v === "1").catch(false),
  // Project filters: a value outside its list (or an unreadable amount) is ignored.
  state: z.preprocess(first, z.string().optional()).transform((v) => ((REPORT_STATES as readonly string[]).includes(v ?? "") ? (v as ReportState) : undefined)).catch(undefined),
  grade: z.preprocess(first, z.string().optional()).transform((v) => ((GRADES as readonly string[]).includes(v ?? "") ? (v as Grade) : undefined)).catch(undefined),
  light: z.preprocess(first, z.string().optional()).transform((v) => (LIGHTS.includes(v ?? "") ? (v as MonitoringLight) : undefined)).catch(undefined),
  min: z.preprocess(first, z.string().optional()).transform(amount).catch(undefined),
  max: z.preprocess(first, z.string().optional()).transform(amount).catch(undefined),
  /** Page of the department rows (OVERVIEW_PAGE_SIZE a page); anything unreadable is page 1. */
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000)).catch(1),
});

/** Department rows per page of the overview (a province has 3,500 departments and units). */
export const OVERVIEW_PAGE_SIZE = 50;

/** The address parameters that reproduce a parsed overview query (for the pager). */
export function overviewParams(q: OverviewQuery, year: number): Record<string, string | undefined> {
  return {
    year: String(year),
    q: q.q || undefined,
    warnings: q.warnings ? "1" : undefined,
    sort: q.sort === "department" ? undefined : q.sort,
    desc: q.desc ? "1" : undefined,
    state: q.state,
    grade: q.grade,
    light: q.light,
    min: q.min,
    max: q.max,
  };
}

const LIGHTS: readonly string[] = ["red", "yellow", "green", "none"];
/** A 万元 amount typed in a filter box ("100", "100.5"); anything else is no bound. */
function amount(v: string | undefined): string | undefined {
  const t = v?.trim() ?? "";
  return /^\d{1,12}(\.\d{1,2})?$/.test(t) ? t : undefined;
}

export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

export function parseOverviewQuery(params: Record<string, string | string[] | undefined>): OverviewQuery {
  const parsed = overviewQuerySchema.safeParse(params);
  return parsed.success ? parsed.data : { year: undefined, q: undefined, warnings: false, sort: "department", desc: false, state: undefined, grade: undefined, light: undefined, min: undefined, max: undefined, page: 1 };
}
