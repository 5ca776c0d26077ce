/**
 * The shape of an access policy: one object per subject (project, report, final accounts) that
 * answers both questions an action or a page asks —
 *   - "which rows may this actor see?"  → `readWhere(actor)`, the Prisma `where` every read adds;
 *   - "may this actor do X to this row?" → `denial(actor, action, row)`, null when they may, else
 *     why not ("not_found" when the row is not theirs to know of, "forbidden", "locked" by its state).
 * The role half comes from the one permission table (lib/permissions.ts); a policy adds scope
 * (whose department) and state (which report statuses allow a change). An action checks its
 * permission at the edge (features/auth/guard.ts), then asks the policy again under its row lock:
 * pages ask the same policy to decide which buttons to show, so the two cannot disagree.
 */
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "./actor";

export type Denial = "not_found" | "forbidden" | "locked";

export type AccessPolicy<Action extends string, Target, Where> = {
  readWhere(actor: Pick<Actor, "role" | "departmentId">): Where;
  denial(actor: Pick<Actor, "role" | "departmentId">, action: Action, target: Target): Denial | null;
};

/** Whether the policy lets the actor do the action on the target. */
export function can<A extends string, T>(policy: AccessPolicy<A, T, unknown>, actor: Pick<Actor, "role" | "departmentId">, action: A, target: T): boolean {
  return policy.denial(actor, action, target) === null;
}

/** A `where` no row matches: the read scope of an actor who may read none. */
export const NO_ROWS = { id: "__none__" } as const;

/**
 * The report statuses in which what a report covers may change — the report's text, its project's
 * figures and indicators, its year's final accounts: 草稿 and 已退回 (or no report yet).
 */
export const EDITABLE_REPORT_STATUSES: readonly ReportStatus[] = ["DRAFT", "RETURNED"];

export function isEditableStatus(status: ReportStatus | null | undefined): boolean {
  return !status || EDITABLE_REPORT_STATUSES.includes(status);
}
