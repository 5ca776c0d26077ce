import { AUDIT_ACTIONS } from "@/lib/audit-actions";
import { AUDIT_ENTITY_LABELS, type AuditFilter } from "../schema";
import { Select } from "@/components/ui/field";

const input = "mt-1 block w-full rounded border border-slate-300 px-2 py-1.5 text-sm";

/** A select of the form: “全部” or one of `choices` (value → label). */
function ChoiceFilter({ label, name, value, choices }: { label: string; name: string; value: string | undefined; choices: Readonly<Record<string, string>> }) {
  return (
    <label className="text-sm">
      {label}
      <Select name={name} defaultValue={value ?? ""} className={input} empty="全部" choices={Object.entries(choices).map(([key, text]) => ({ value: key, label: text }))} />
    </label>
  );
}

/** A plain GET form: the filters live in the address, so a filtered view can be bookmarked and shared. */
export function AuditFilters({ filter }: { filter: AuditFilter }) {
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label="筛选审计日志">
      <label className="text-sm">
        操作人
        <input name="actor" defaultValue={filter.actor ?? ""} className={input} placeholder="姓名" />
      </label>
      <ChoiceFilter label="操作" name="action" value={filter.action} choices={AUDIT_ACTIONS} />
      <ChoiceFilter label="对象类型" name="entityType" value={filter.entityType} choices={AUDIT_ENTITY_LABELS} />
      <label className="text-sm">
        开始日期
        <input type="date" name="from" defaultValue={filter.from ?? ""} className={input} />
      </label>
      <label className="text-sm">
        结束日期
        <input type="date" name="to" defaultValue={filter.to ?? ""} className={input} />
      </label>
      <div className="flex items-end gap-2">
        {filter.entityId ? <input type="hidden" name="entityId" value={filter.entityId} /> : null}
        <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800">
          筛选
        </button>
        <a href="/audit" className="rounded border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
          清除
        </a>
      </div>
    </form>
  );
}
