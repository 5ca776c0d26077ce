import { z } from "@/lib/zod";
import { parseFiscalYear } from "@/lib/fiscal-year";
import { OVERVIEW_SORTS, type OverviewSort } from "./overview";

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
});

export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

export function parseOverviewQuery(params: Record<string, string | string[] | undefined>): OverviewQuery {
  const parsed = overviewQuerySchema.safeParse(params);
  return parsed.success ? parsed.data : { year: undefined, q: undefined, warnings: false, sort: "department", desc: false };
}
