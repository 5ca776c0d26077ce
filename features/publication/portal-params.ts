/**
 * Route segments of the portal's catalogue pages, validated: anything malformed is a 404
 * (never a 500), and Next has already percent-decoded them.
 */
import { departmentCodeSchema, portalYearSchema } from "./schema";

export function parseDepartmentCode(raw: string): string | null {
  const r = departmentCodeSchema.safeParse(raw);
  return r.success ? r.data : null;
}

export function parsePortalYear(raw: string): number | null {
  const r = portalYearSchema.safeParse(raw);
  return r.success ? r.data : null;
}
