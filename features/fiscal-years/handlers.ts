/** Fiscal-year admin actions given the actor (null = anonymous): permission, argument checks, mutation (features/auth/handler.ts). */
import { arg, handler } from "@/features/auth/handler";
import type { ActionResult } from "@/lib/action-result";
import { openFiscalYear, setDepartmentReview, setFiscalYearStatus, updateFiscalYear } from "./mutations";
import { departmentReviewSchema, openYearSchema, reopenYearSchema, updateYearSchema, versionSchema } from "./schema";

const BAD: ActionResult<never> = { ok: false, reason: "invalid", message: "年度或版本号无效，请刷新页面" };
/** The year and the version the row was read at (a version may come as text from a form). */
const year = arg.that((v): v is number => typeof v === "number", BAD);
const version = (v: unknown) => {
  const parsed = versionSchema.safeParse(v);
  return parsed.success ? { ok: true as const, value: parsed.data } : { ok: false as const, refusal: BAD };
};

export const openYearHandler = handler("year.manage", arg.input(openYearSchema))(openFiscalYear);
export const updateYearHandler = handler("year.manage", year, version, arg.input(updateYearSchema))(updateFiscalYear);
export const closeYearHandler = handler("year.manage", year, version)((prisma, actor, y, v) => setFiscalYearStatus(prisma, actor, y, v, "CLOSED", ""));
export const reopenYearHandler = handler("year.manage", year, version, arg.input(reopenYearSchema))((prisma, actor, y, v, input) =>
  setFiscalYearStatus(prisma, actor, y, v, "OPEN", input.reason),
);
export const departmentReviewHandler = handler("year.manage", year, version, arg.input(departmentReviewSchema))((prisma, actor, y, v, input) =>
  setDepartmentReview(prisma, actor, y, v, input.departmentReview),
);
