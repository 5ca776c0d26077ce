import "server-only";
import { db } from "@/lib/db";
import { frameworkShapeOfProject as shapeOf } from "./framework-shape";
import { frameworksAllowedForYear } from "./framework-switch";

/** The framework a project uses, in the shape the table schema checks against. */
export function frameworkShapeOfProject(projectId: string) {
  return shapeOf(db(), projectId);
}

/** Frameworks a project of the year may switch to (the year's own first). */
export function frameworksAllowedForProjectYear(year: number) {
  return frameworksAllowedForYear(db(), year);
}
