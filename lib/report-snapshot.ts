/**
 * Reading a stored publication snapshot (ReportPublication.snapshot, JSON) without trusting its
 * shape: the seed's format 1 holds a title and sections only, format 2 adds the project part.
 * Validated with zod, so a page or exporter never casts the JSON.
 */
import { z } from "@/lib/zod";

export const snapshotSectionSchema = z.object({ key: z.string(), heading: z.string(), body: z.string() });
export type SnapshotSection = z.infer<typeof snapshotSectionSchema>;

/** The narrative sections of a snapshot, or null when it holds none (or not in the expected shape). */
export function readSnapshotSections(json: unknown): SnapshotSection[] | null {
  const parsed = z.object({ sections: z.array(snapshotSectionSchema) }).safeParse(json);
  return parsed.success ? parsed.data.sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body })) : null;
}
