"use client";
import { ScrollRegion } from "@/components/ui/scroll-region";

import type { ReactNode } from "react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { ColumnHeads } from "@/components/ui/column-heads";
import { INCOME_SOURCE_LABELS, THREE_PUBLIC_LABELS } from "@/features/publication/labels";
import type { FinalAccountsComputed } from "../computed";
import { INCOME_SOURCES, PRIOR_KEYS, PRIOR_LABELS, THREE_PUBLIC_KINDS, type FinalAccountsInput } from "../schema";
import { CellInput, Computed, LabelledInput, LabelledTextarea } from "./inputs";

const th = "px-2 py-2 text-left text-xs font-medium text-slate-600";

/** The heading cell of a row (its label), left-aligned. */
function RowHead({ className, children }: { className: string; children: ReactNode }) {
  return (
    <th scope="row" className={`text-left ${className}`}>
      {children}
    </th>
  );
}
const pct = (v: string | null) => (v == null ? "—" : `${v}%`);

export function StaffingSection() {
  const rows = [
    ["authorized", "编制人数"],
    ["actual", "在职人数"],
  ] as const;
  const cols = [
    ["Total", "合计"],
    ["Administrative", "行政"],
    ["Institution", "事业"],
    ["Logistics", "工勤"],
  ] as const;
  return (
    <div className="space-y-3">
      <table className="text-sm">
        <caption className="sr-only">编制和在职人数（人）</caption>
        <thead>
          <tr>
            <td />
            {cols.map(([, label]) => (
              <th key={label} scope="col" className={`${th} w-24 text-right`}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([group, label]) => (
            <tr key={group}>
              <RowHead className="pr-3 font-medium">{label}</RowHead>
              {cols.map(([col, colLabel]) => (
                <td key={col} className="px-1 py-1">
                  <CellInput path={`staffing.${group}${col}`} label={`${label}${colLabel}（人）`} kind="count" />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="max-w-xs">
        <LabelledInput path="staffing.retired" label="离退休人数（人）" kind="count" />
      </div>
    </div>
  );
}

export function TotalsSection({ computed, printed }: { computed: FinalAccountsComputed; printed: Record<string, string | undefined> }) {
  return (
    <div className="space-y-3">
      <div className="grid gap-4 sm:grid-cols-2">
        <LabelledInput path="balances.opening" label="年初结转和结余（万元）" />
        <LabelledInput path="balances.closing" label="年末结转和结余（万元）" />
      </div>
      <dl className="grid gap-3 sm:grid-cols-3">
        <Computed label="收、支总计（年初结转和结余 + 本年收入）" value={computed.incomeExpenditure.amount} printed={printed["total.incomeExpenditure"]} testId="computed-income-expenditure" />
        <Computed label="本年收入合计" value={computed.income} printed={printed["total.income"]} testId="computed-income" />
        <Computed label="本年支出合计" value={computed.expenditure} printed={printed["total.expenditure"]} testId="computed-expenditure" />
        <Computed label={`基本支出（占 ${pct(computed.basic.share)}）`} value={computed.basic.amount} printed={printed["expenditure.basic"]} />
        <Computed label={`项目支出（占 ${pct(computed.project.share)}）`} value={computed.project.amount} printed={printed["expenditure.project"]} />
        <Computed label={`财政拨款收、支总计${computed.fiscal.change ? `（比上年 ${computed.fiscal.change.change}，${pct(computed.fiscal.change.percent)}）` : ""}`} value={computed.fiscal.amount} printed={printed["fiscal.total"]} />
      </dl>
    </div>
  );
}

export function IncomeSection({ computed }: { computed: FinalAccountsComputed }) {
  return (
    <table className="text-sm">
      <caption className="sr-only">本年收入按来源（万元）</caption>
      <thead>
        <tr>
          <ColumnHeads cellClass={th} columns={[{ label: "收入来源" }, { label: "金额（万元）", className: "w-36 text-right" }, { label: "占比", className: "w-24 text-right" }]} />
        </tr>
      </thead>
      <tbody>
        {INCOME_SOURCES.map((s) => (
          <tr key={s}>
            <RowHead className="pr-4 font-normal">{INCOME_SOURCE_LABELS[s]}</RowHead>
            <td className="px-1 py-1">
              <CellInput path={`income.${s}`} label={`${INCOME_SOURCE_LABELS[s]}（万元）`} />
            </td>
            <td className="px-2 text-right tabular-nums">{pct(computed.incomeShares[s])}</td>
          </tr>
        ))}
        <tr className="border-t border-slate-300 font-semibold">
          <RowHead className="pr-4">本年收入合计</RowHead>
          <td className="px-3 text-right tabular-nums">{computed.income}</td>
          <td className="px-2 text-right">{computed.income === "0.00" ? "—" : "100.00%"}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function BasicSection({ computed, printedBasic }: { computed: FinalAccountsComputed; printedBasic?: string }) {
  return (
    <div className="space-y-3">
      <dl className="grid gap-3 sm:grid-cols-3">
        <Computed label="基本支出（各科目基本支出合计）" value={computed.basic.amount} printed={printedBasic} />
      </dl>
      <div className="grid gap-4 sm:grid-cols-2">
        <LabelledInput path="basic.personnel" label="人员经费（万元）" />
        <LabelledInput path="basic.publicUse" label="日常公用经费（万元）" />
        <LabelledTextarea path="basic.personnelItems" label="人员经费主要内容" hint="用顿号分隔，如：基本工资、津贴补贴、奖金" />
        <LabelledTextarea path="basic.publicUseItems" label="日常公用经费主要内容" hint="用顿号分隔，如：办公费、印刷费、水电费" />
      </div>
    </div>
  );
}

const THREE_PUBLIC_COLUMNS = [
  { label: "项目" },
  { label: "预算数", className: "w-28 text-right" },
  { label: "决算数", className: "w-28 text-right" },
  { label: "批次", className: "w-20 text-right" },
  { label: "人次", className: "w-20 text-right" },
  { label: "用途说明" },
  { label: "增减变动原因" },
];

export function ThreePublicSection({ computed, printedTotal }: { computed: FinalAccountsComputed; printedTotal?: string }) {
  const reception = (k: string) => k.startsWith("RECEPTION");
  return (
    <div className="space-y-3">
      <ScrollRegion label="“三公”经费财政拨款支出">
        <table className="min-w-[900px] text-sm">
          <caption className="sr-only">“三公”经费财政拨款支出（万元）</caption>
          <thead>
            <tr>
              <ColumnHeads cellClass={th} columns={THREE_PUBLIC_COLUMNS} />
            </tr>
          </thead>
          <tbody>
            {THREE_PUBLIC_KINDS.map((k) => (
              <tr key={k} className="align-top">
                <RowHead className="py-2 pr-3 font-normal">{THREE_PUBLIC_LABELS[k]}</RowHead>
                <td className="px-1 py-1">
                  <CellInput path={`threePublic.${k}.budget`} label={`${THREE_PUBLIC_LABELS[k]}预算数（万元）`} />
                </td>
                <td className="px-1 py-1">
                  <CellInput path={`threePublic.${k}.amount`} label={`${THREE_PUBLIC_LABELS[k]}决算数（万元）`} />
                </td>
                <td className="px-1 py-1">{reception(k) ? <CellInput path={`threePublic.${k}.batches`} label={`${THREE_PUBLIC_LABELS[k]}批次`} kind="count" /> : null}</td>
                <td className="px-1 py-1">{reception(k) ? <CellInput path={`threePublic.${k}.persons`} label={`${THREE_PUBLIC_LABELS[k]}人次`} kind="count" /> : null}</td>
                <td className="px-1 py-1">
                  <CellInput path={`threePublic.${k}.description`} label={`${THREE_PUBLIC_LABELS[k]}用途说明`} kind="text" />
                </td>
                <td className="px-1 py-1">
                  <CellInput path={`threePublic.${k}.reason`} label={`${THREE_PUBLIC_LABELS[k]}增减变动原因`} kind="text" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <div className="grid gap-4 sm:grid-cols-3">
        <LabelledInput path="threePublicBudget" label="“三公”经费预算合计（万元）" hint="用于计算完成预算比例；未知可留空" />
      </div>
      <dl className="grid gap-3 sm:grid-cols-3">
        <Computed label={`“三公”经费合计${computed.threePublic.completion ? `（完成预算 ${computed.threePublic.completion}%）` : ""}`} value={computed.threePublic.total} printed={printedTotal} testId="computed-three-public" />
        <Computed label={`公务用车购置及运行维护费（占 ${pct(computed.threePublic.vehicles.share)}）`} value={computed.threePublic.vehicles.amount} />
        <Computed label={`公务接待费（占 ${pct(computed.threePublic.reception.share)}）`} value={computed.threePublic.reception.amount} />
      </dl>
    </div>
  );
}

export function OtherSection({ computed }: { computed: FinalAccountsComputed }) {
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <LabelledInput path="other.govFund" label="政府性基金预算财政拨款支出（万元）" />
        <LabelledInput path="other.soeCapital" label="国有资本经营预算财政拨款支出（万元）" />
        <LabelledInput path="other.operatingExpenses" label="机关运行经费（万元）" />
      </div>
      <h3 className="font-semibold">政府采购</h3>
      <div className="grid gap-4 sm:grid-cols-4">
        <LabelledInput path="other.procurementGoods" label="货物（万元）" />
        <LabelledInput path="other.procurementWorks" label="工程（万元）" />
        <LabelledInput path="other.procurementServices" label="服务（万元）" />
        <LabelledInput path="other.procurementSme" label="授予中小企业合同金额（万元）" />
      </div>
      <dl className="grid gap-3 sm:grid-cols-3">
        <Computed label={`政府采购支出总额（中小企业占 ${pct(computed.procurement.smeShare)}）`} value={computed.procurement.total} />
      </dl>
      <h3 className="font-semibold">国有资产占有使用情况（截至年末）</h3>
      <div className="grid gap-4 sm:grid-cols-4">
        <LabelledInput path="other.vehicles" label="车辆（辆）" kind="count" />
        <LabelledInput path="other.vehiclesText" label="车辆构成" kind="text" hint="如：其他用车1辆" />
        <LabelledInput path="other.generalEquipmentOver50Wan" label="单价50万元以上通用设备（台/套）" kind="count" />
        <LabelledInput path="other.specialEquipmentOver100Wan" label="单价100万元以上专用设备（台/套）" kind="count" />
      </div>
      <h3 className="font-semibold">预算绩效管理</h3>
      <div className="grid gap-4 sm:grid-cols-3">
        <LabelledInput path="other.projectsWithGoals" label="开展绩效目标管理的项目（个）" kind="count" />
      </div>
    </div>
  );
}

export function PriorSection({ computed }: { computed: FinalAccountsComputed }) {
  const changes: Record<string, { change: string; percent: string | null } | null> = {
    incomeExpenditure: computed.incomeExpenditure.change,
    fiscal: computed.fiscal.change,
    generalBudget: computed.generalBudgetChange,
    operatingExpenses: computed.operatingExpenses.change,
    vehicles: computed.threePublic.vehicles.change,
    reception: computed.threePublic.reception.change,
  };
  return (
    <table className="text-sm">
      <caption className="sr-only">上年决算数和同比变动（万元）</caption>
      <thead>
        <tr>
          <th scope="col" className={th}>
            项目
          </th>
          <th scope="col" className={`${th} w-36 text-right`}>
            上年决算数（万元）
          </th>
          <th scope="col" className={`${th} w-28 text-right`}>
            增减（万元）
          </th>
          <th scope="col" className={`${th} w-24 text-right`}>
            增减率
          </th>
        </tr>
      </thead>
      <tbody>
        {PRIOR_KEYS.map((k) => {
          const c = changes[k];
          return (
            <tr key={k}>
              <RowHead className="pr-4 font-normal">{PRIOR_LABELS[k]}</RowHead>
              <td className="px-1 py-1">
                <CellInput path={`prior.${k}`} label={`上年${PRIOR_LABELS[k]}（万元）`} />
              </td>
              <td className="px-2 text-right tabular-nums" data-testid={`prior-change-${k}`}>
                {c?.change ?? "—"}
              </td>
              <td className="px-2 text-right tabular-nums">{pct(c?.percent ?? null)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function GlossarySection({ readOnly }: { readOnly: boolean }) {
  const { control } = useFormContext<FinalAccountsInput>();
  const terms = useFieldArray({ control, name: "glossary" });
  return (
    <div className="space-y-3">
      <ol className="space-y-3">
        {terms.fields.map((f, i) => (
          <li key={f.id} className="grid gap-2 sm:grid-cols-[14rem_1fr_auto]" data-testid="glossary-term">
            <CellInput path={`glossary.${i}.term`} label={`第${i + 1}条名词`} kind="text" />
            <CellInput path={`glossary.${i}.definition`} label={`第${i + 1}条解释`} kind="text" />
            {!readOnly ? (
              <Button variant="ghost" className="px-2 py-1 text-red-700" aria-label={`删除第${i + 1}条名词解释`} onClick={() => terms.remove(i)}>
                删除
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
      {!readOnly ? (
        <Button variant="secondary" onClick={() => terms.append({ term: "", definition: "" })}>
          添加名词解释
        </Button>
      ) : null}
    </div>
  );
}
