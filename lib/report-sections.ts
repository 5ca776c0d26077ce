/**
 * What every report template is made of (a section: key, heading, level, whether it must be
 * written) and the placeholder a data draft leaves where words are missing. Shared by the
 * report templates (features/reports/template.ts), the year document's template
 * (features/final-accounts/template.ts) and the pre-submission checks.
 */
import { z } from "@/lib/zod";

export type SectionDef = { key: string; heading: string; level: 1 | 2 | 3; required: boolean; group?: boolean; hint?: string };

const SectionDefs = z.array(
  z.object({ key: z.string(), heading: z.string(), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), required: z.boolean(), group: z.boolean().optional(), hint: z.string().optional() }),
);

/** A report template kept as data (a features/…/template JSON file), checked as it is read. */
export const readSectionTemplate = (data: unknown): SectionDef[] => SectionDefs.parse(data);

/**
 * What a draft writes where the document needs words the data does not hold (a
 * 主要变动原因 without a recorded reason). It makes the section non-empty, so the
 * pre-submission check looks for it explicitly (check-report.ts): a section still
 * containing it blocks submission, so it can never be published.
 */
export const FILL_IN = "【请填写】";

/** Whether a text still has a placeholder to fill in (also a hand-typed 【请填写…】 variant). */
export function hasFillIn(text: string): boolean {
  return /【请填写[^】]*】/.test(text);
}
