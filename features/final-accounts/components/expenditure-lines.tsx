"use client";
import { ScrollRegion } from "@/components/ui/scroll-region";

import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import type { FinalAccountsComputed, FunctionCodeInfo } from "../computed";
import type { FinalAccountsInput } from "../schema";
import { CellInput, useFieldError } from "./inputs";
import { ColumnHeads, type ColumnHead } from "@/components/ui/column-heads";

function CodeSelect({ index, codes }: { index: number; codes: FunctionCodeInfo[] }) {
  const { register } = useFormContext<FinalAccountsInput>();
  const path = `lines.${index}.functionCode` as const;
  const error = useFieldError(path);
  const value = useWatch<FinalAccountsInput, typeof path>({ name: path });
  const classes = [...new Map(codes.map((c) => [c.classCode, c.className])).entries()];
  const known = codes.some((c) => c.code === value);
  return (
    <div>
      <select
        aria-label={`第${index + 1}行功能分类科目`}
        aria-invalid={!!error}
        aria-describedby={error ? `fa-line-${index}-code-error` : undefined}
        className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-red-600"
        data-path={path}
        {...register(path)}
      >
        <option value="">请选择科目</option>
        {!known && value ? <option value={value}>{value}（未知科目）</option> : null}
        {classes.map(([classCode, className]) => (
          <optgroup key={classCode} label={`${classCode} ${className}`}>
            {codes
              .filter((c) => c.classCode === classCode)
              .map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code} {c.subclassName}·{c.name}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      {error ? (
        <p id={`fa-line-${index}-code-error`} className="mt-0.5 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** 一般公共预算财政拨款支出 by 功能分类 项: budget, 基本 / 项目, computed 决算数 and completion, and the reason when they differ. */
const LINE_COLUMNS: ColumnHead[] = [
  { label: "#", className: "w-8" },
  { label: "功能分类科目（项）", className: "w-72" },
  { label: "预算数", className: "w-28 text-right" },
  { label: "基本支出", className: "w-28 text-right" },
  { label: "项目支出", className: "w-28 text-right" },
  { label: "决算数", className: "w-24 text-right" },
  { label: "完成预算", className: "w-20 text-right" },
  { label: "决算数与预算数差异原因" },
  { label: "操作", className: "w-16", hidden: true },
];

export function ExpenditureLines({ codes, computed, readOnly }: { codes: FunctionCodeInfo[]; computed: FinalAccountsComputed; readOnly: boolean }) {
  const { control } = useFormContext<FinalAccountsInput>();
  const lines = useFieldArray({ control, name: "lines" });
  const error = useFieldError("lines");
  return (
    <div className="space-y-3">
      <ScrollRegion label="按支出功能分类科目填写的预算数、基本支出和项目支出">
        <table className="w-full min-w-[1040px] border-collapse text-sm" data-testid="expenditure-lines">
          <caption className="sr-only">按支出功能分类科目填写的预算数、基本支出和项目支出（万元）；决算数和完成预算比例自动计算</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left text-xs text-slate-600">
              <ColumnHeads cellClass="px-1 py-2" columns={LINE_COLUMNS} />
            </tr>
          </thead>
          <tbody>
            {lines.fields.map((f, i) => {
              const c = computed.lines[i];
              return (
                <tr key={f.id} className="border-b border-slate-100 align-top" data-testid="expenditure-line">
                  <td className="px-1 py-2 text-slate-500">{i + 1}</td>
                  <td className="px-1 py-1">
                    <CodeSelect index={i} codes={codes} />
                  </td>
                  <td className="px-1 py-1">
                    <CellInput path={`lines.${i}.budget`} label={`第${i + 1}行预算数（万元）`} />
                  </td>
                  <td className="px-1 py-1">
                    <CellInput path={`lines.${i}.basic`} label={`第${i + 1}行基本支出（万元）`} />
                  </td>
                  <td className="px-1 py-1">
                    <CellInput path={`lines.${i}.project`} label={`第${i + 1}行项目支出（万元）`} />
                  </td>
                  <td className="px-1 py-2 text-right font-medium tabular-nums" data-testid="line-total">
                    {c?.total ?? "—"}
                  </td>
                  <td className="px-1 py-2 text-right tabular-nums">{c?.completion != null ? `${c.completion}%` : "—"}</td>
                  <td className="px-1 py-1">
                    <CellInput path={`lines.${i}.reason`} label={`第${i + 1}行差异原因`} kind="text" />
                  </td>
                  <td className="px-1 py-1">
                    {!readOnly ? (
                      <Button variant="ghost" className="px-2 py-1 whitespace-nowrap text-red-700" aria-label={`删除第${i + 1}行`} onClick={() => lines.remove(i)}>
                        删除
                      </Button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-slate-300 font-semibold">
              <th scope="row" colSpan={2} className="px-1 py-2 text-left">
                合计
              </th>
              <td className="px-1 py-2 text-right tabular-nums">{computed.budget}</td>
              <td className="px-1 py-2 text-right tabular-nums">{computed.basic.amount}</td>
              <td className="px-1 py-2 text-right tabular-nums">{computed.project.amount}</td>
              <td className="px-1 py-2 text-right tabular-nums" data-testid="lines-total">
                {computed.expenditure}
              </td>
              <td className="px-1 py-2 text-right tabular-nums">{computed.completion != null ? `${computed.completion}%` : "—"}</td>
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
      {!readOnly ? (
        <Button variant="secondary" onClick={() => lines.append({ functionCode: "", budget: "", basic: "0", project: "0", reason: "" })}>
          添加科目
        </Button>
      ) : null}
      {computed.byClass.length > 0 ? (
        <table className="text-sm">
          <caption className="mb-1 text-left text-xs text-slate-600">按类汇总（自动计算）</caption>
          <thead>
            <tr className="text-left text-xs text-slate-600">
              <th scope="col" className="pr-6">
                类
              </th>
              <th scope="col" className="pr-6 text-right">
                决算数（万元）
              </th>
              <th scope="col" className="text-right">
                占比
              </th>
            </tr>
          </thead>
          <tbody>
            {computed.byClass.map((c) => (
              <tr key={c.code}>
                <th scope="row" className="pr-6 text-left font-normal">
                  {c.code} {c.name}
                </th>
                <td className="pr-6 text-right tabular-nums">{c.amount}</td>
                <td className="text-right tabular-nums">{c.share != null ? `${c.share}%` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
