/**
 * The one reader of a published report's snapshot (ReportPublication.snapshot, JSON): validated
 * with zod, so the public page and the report's data never cast the JSON. The seed's format 1
 * holds a title and the sections; format 2 (snapshot.ts buildSnapshot) adds the project part,
 * whose shape is `ProjectView` below: projectView() must return it (the compiler checks), so the
 * writer and the reader cannot drift apart.
 */
import { FundSource, IndicatorNature } from "@/lib/generated/prisma/enums";
import { snapshotSectionSchema } from "@/lib/report-snapshot";
import { z } from "@/lib/zod";

const text = z.string();

export const projectViewSchema = z.object({
  name: text,
  year: z.number().int(),
  department: text,
  competentDepartment: text,
  implementingUnit: text,
  framework: text,
  funding: z.array(z.object({ source: z.enum(FundSource), initialBudget: text, annualBudget: text, executed: text })),
  budget: z.object({ initial: text, annual: text, executed: text }),
  allocations: z.array(z.object({ item: text, amount: text })),
  goalExpected: text,
  goalActual: text,
  indicators: z.array(
    z.object({
      id: text,
      level1: text,
      level2: text,
      name: text,
      nature: z.enum(IndicatorNature),
      target: text,
      targetText: text,
      actual: text,
      actualText: text,
      weight: text,
      score: text.nullable(),
      applicable: z.boolean(),
      deviationReason: text,
    }),
  ),
  score: z.object({
    total: text.nullable(),
    totalExact: text.optional(),
    grade: z.enum(["优", "良", "中", "差"]).nullable(),
    executionRate: text.nullable(),
    budgetScore: text.nullable(),
  }),
});

/** The project part of a report as plain JSON (amounts in 万元 strings), live or frozen. */
export type ProjectView = z.infer<typeof projectViewSchema>;

const storedSnapshotSchema = z.object({
  format: z.number().optional(),
  title: z.string().optional(),
  sections: z.array(snapshotSectionSchema).optional(),
  project: z.unknown().optional(),
});

export type PublishedReport = {
  title: string;
  sections: z.infer<typeof snapshotSectionSchema>[];
  /** Format 2 only; null when the report has no project (or the stored part is not readable). */
  project: ProjectView | null;
};

/** A stored snapshot as the public page shows it; null when the JSON is not a snapshot at all. */
export function readReportSnapshot(json: unknown): PublishedReport | null {
  const envelope = storedSnapshotSchema.safeParse(json);
  if (!envelope.success) return null;
  const { format, title, sections, project } = envelope.data;
  const parsedProject = format === 2 && project != null ? projectViewSchema.safeParse(project) : null;
  return { title: title ?? "", sections: sections ?? [], project: parsedProject?.success ? parsedProject.data : null };
}
