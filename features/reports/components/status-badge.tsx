import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { REPORT_STATUS_LABELS } from "@/lib/labels";
import { STATUS_BADGE_CLASSES } from "./labels";

export function StatusBadge({ status }: { status: ReportStatus }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_BADGE_CLASSES[status]}`} data-testid="report-status">
      {REPORT_STATUS_LABELS[status]}
    </span>
  );
}
