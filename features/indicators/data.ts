import "server-only";
import { db } from "@/lib/db";
import { frameworkShapeOfProject as shapeOf } from "./framework-shape";

/** The framework a project uses, in the shape the table schema checks against. */
export function frameworkShapeOfProject(projectId: string) {
  return shapeOf(db(), projectId);
}
