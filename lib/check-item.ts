/**
 * One finding of a pre-submission check (a report's sections, its project, the final accounts)
 * and the split the check panel and the submission use. Shared by every feature that checks
 * something before a report is submitted, so none has to import another's checks.
 */
export type CheckItem = { severity: "blocking" | "warning"; code: string; message: string; sectionKey?: string; indicatorId?: string };
export type ReportCheck = { blocking: CheckItem[]; warnings: CheckItem[] };
