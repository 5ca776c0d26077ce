import type { ReportKind } from "@/lib/generated/prisma/enums";
import type { CheckItem, ReportCheck } from "../check-report";

/**
 * Where an item is fixed: a section of this page, or the indicator row in the project's
 * indicator editor (which opens at that row) when the viewer may edit; otherwise the
 * read-only copy of the row on this page.
 */
function itemHref(item: CheckItem, indicatorEditorHref?: string | null) {
  if (item.sectionKey) return `#section-${item.sectionKey}`;
  if (item.indicatorId) return indicatorEditorHref ? `${indicatorEditorHref}#indicator-${item.indicatorId}` : `#indicator-${item.indicatorId}`;
  return null;
}

export function CheckItems({ items, tone, indicatorEditorHref }: { items: CheckItem[]; tone: "blocking" | "warning"; indicatorEditorHref?: string | null }) {
  return (
    <ul className={`list-disc space-y-1 pl-5 text-sm ${tone === "blocking" ? "text-red-800" : "text-amber-900"}`}>
      {items.map((item, i) => {
        const href = itemHref(item, indicatorEditorHref);
        return (
          <li key={`${item.code}-${i}`} data-testid={`check-${tone}`}>
            {href ? (
              <a href={href} className="underline decoration-dotted underline-offset-2 hover:decoration-solid">
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The pre-submission check: what blocks submission (red) and what the reviewer should look at (amber). */
const CLEAN_TEXT: Record<ReportKind, string> = {
  PROJECT_SELF_EVALUATION: "未发现问题：必填章节均已填写，指标完整，正文中的金额与项目数据一致。",
  DEPARTMENT_OVERALL: "未发现问题：必填章节均已填写。",
  FINAL_ACCOUNTS: "未发现问题：必填章节均已填写，决算数据勾稽关系正确，说明文字中的数字与决算数据一致。",
};

export function CheckPanel({ check, kind, indicatorEditorHref }: { check: ReportCheck; kind: ReportKind; indicatorEditorHref?: string | null }) {
  const clean = check.blocking.length === 0 && check.warnings.length === 0;
  return (
    <section aria-labelledby="check-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="check-panel">
      <h2 id="check-heading" className="text-base font-semibold">
        提交前检查
      </h2>
      {clean ? (
        <p className="mt-2 text-sm text-green-800">{CLEAN_TEXT[kind]}</p>
      ) : null}
      {check.blocking.length > 0 ? (
        <div className="mt-3 rounded-md border border-red-200 bg-red-50 p-3">
          <p className="mb-1 text-sm font-semibold text-red-800">须处理后才能提交（{check.blocking.length} 项）</p>
          <CheckItems items={check.blocking} tone="blocking" indicatorEditorHref={indicatorEditorHref} />
        </div>
      ) : null}
      {check.warnings.length > 0 ? (
        <div className="mt-3 rounded-md border border-amber-200 bg-amber-50 p-3">
          <p className="mb-1 text-sm font-semibold text-amber-900">请核对（{check.warnings.length} 项，不影响提交）</p>
          <CheckItems items={check.warnings} tone="warning" indicatorEditorHref={indicatorEditorHref} />
        </div>
      ) : null}
    </section>
  );
}
