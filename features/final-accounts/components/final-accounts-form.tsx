"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { FormProvider, useForm, useWatch, type FieldPath } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { SaveBanner, type SaveBannerState } from "@/components/ui/save-banner";
import { useUnsavedChangesWarning } from "@/components/ui/use-unsaved-changes-warning";
import { saveFinalAccountsAction } from "../actions";
import { CHECK_LABELS, checkFinalAccounts, type FinalAccountsCheckItem } from "../check";
import { computeFinalAccounts, type FunctionCodeInfo } from "../computed";
import { finalAccountsSchema, type FinalAccountsInput, type FinalAccountsValues } from "../schema";
import { ExpenditureLines } from "./expenditure-lines";
import { FormSection } from "./inputs";
import { BasicSection, GlossarySection, IncomeSection, OtherSection, PriorSection, StaffingSection, ThreePublicSection, TotalsSection } from "./other-sections";
import { saveFormProps } from "@/components/ui/save-shortcut";

type Props = {
  departmentYearId: string;
  version: number;
  initial: FinalAccountsInput;
  codes: FunctionCodeInfo[];
  projectsFiscalExecuted: string | null;
  printed: Record<string, string | undefined>;
  readOnly: boolean;
  readOnlyReason: string | null;
  reportHref: string | null;
};

const SECTIONS = [
  ["fa-staffing", "人员概况"],
  ["fa-totals", "收支总体"],
  ["fa-income", "收入"],
  ["fa-lines", "支出（功能分类）"],
  ["fa-basic", "基本支出"],
  ["fa-three-public", "“三公”经费"],
  ["fa-other", "其他事项"],
  ["fa-prior", "上年对比"],
  ["fa-glossary", "名词解释"],
] as const;

function CheckList({ items, tone }: { items: FinalAccountsCheckItem[]; tone: "blocking" | "warning" }) {
  return (
    <ul className={`list-disc space-y-1 pl-5 text-sm ${tone === "blocking" ? "text-red-800" : "text-amber-900"}`}>
      {items.map((item, i) => (
        <li key={`${item.code}-${i}`} data-testid={`fa-check-${tone}`}>
          {item.path ? (
            <a
              href={`#fa-${item.path.replace(/\./g, "-")}`}
              className="underline decoration-dotted underline-offset-2"
              onClick={(e) => {
                const el = document.querySelector<HTMLElement>(`[data-path="${item.path}"]`);
                if (el) {
                  e.preventDefault();
                  el.focus();
                }
              }}
            >
              {item.message}
            </a>
          ) : (
            item.message
          )}
        </li>
      ))}
    </ul>
  );
}

export function FinalAccountsForm(props: Props) {
  const router = useRouter();
  const { readOnly } = props;
  const [version, setVersion] = useState(props.version);
  const [pending, startTransition] = useTransition();
  const [banner, setBanner] = useState<SaveBannerState | null>(null);
  const allowLeave = useRef(false);
  const form = useForm<FinalAccountsInput, unknown, FinalAccountsValues>({ resolver: zodResolver(finalAccountsSchema), defaultValues: props.initial, mode: "onBlur" });
  const { handleSubmit, setError, reset, register, formState } = form;
  useUnsavedChangesWarning(formState.isDirty && !readOnly, allowLeave);

  const values = useWatch({ control: form.control }) as FinalAccountsInput;
  const computed = computeFinalAccounts(values, props.codes);
  const check = checkFinalAccounts(values, { projectsFiscalExecuted: props.projectsFiscalExecuted, codes: props.codes });
  const explainable = [...check.blocking, ...check.warnings].filter((i) => i.explainable);

  const onSubmit = handleSubmit(
    (v) => {
      setBanner(null);
      startTransition(async () => {
        const result = await saveFinalAccountsAction(props.departmentYearId, version, v);
        if (!result.ok) {
          for (const fe of result.fieldErrors ?? []) setError((fe.path || "root") as FieldPath<FinalAccountsInput>, { message: fe.message });
          setBanner({ kind: result.reason === "stale" ? "conflict" : "error", text: result.message });
          return;
        }
        setVersion(result.version);
        reset(v);
        setBanner({ kind: "saved", text: `已保存，修改 ${result.changes} 处（${new Date().toLocaleTimeString("zh-CN", { hour12: false })}）` });
        router.refresh();
      });
    },
    () => setBanner({ kind: "error", text: "填写的内容有误，请按红色提示修改后再保存" }),
  );

  return (
    <FormProvider {...form}>
      <form
        {...saveFormProps(onSubmit, readOnly)}
        className="grid gap-6 lg:grid-cols-[12rem_1fr]"
      >
        <nav aria-label="决算填报目录" className="no-print hidden lg:block">
          <ol className="sticky top-20 space-y-1 text-sm">
            {SECTIONS.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`} className="text-brand-700 hover:underline">
                  {label}
                </a>
              </li>
            ))}
            <li>
              <a href="#fa-check" className="text-brand-700 hover:underline">
                审核检查
              </a>
            </li>
          </ol>
        </nav>
        <div className="min-w-0 space-y-6">
          {readOnly && props.readOnlyReason ? (
            <p className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="fa-readonly">
              {props.readOnlyReason}
            </p>
          ) : null}
          <section id="fa-check" aria-labelledby="fa-check-title" className="scroll-mt-24 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="fa-check">
            <h2 id="fa-check-title" className="text-base font-semibold">
              审核检查（随填随算）
            </h2>
            {check.blocking.length === 0 && check.warnings.length === 0 ? (
              <p className="mt-2 text-sm text-green-800" data-testid="fa-check-clean">
                各项数据勾稽关系正确：收支平衡，基本支出构成与各科目一致，差异均已说明。
              </p>
            ) : null}
            {check.blocking.length > 0 ? (
              <div className="mt-3 rounded-md border border-red-200 bg-red-50 p-3">
                <p className="mb-1 text-sm font-semibold text-red-800">
                  {readOnly ? "勾稽关系不符且未作核实说明" : "提交决算公开前须处理"}（{check.blocking.length} 项）
                </p>
                <CheckList items={check.blocking} tone="blocking" />
              </div>
            ) : null}
            {check.warnings.length > 0 ? (
              <div className="mt-3 rounded-md border border-amber-200 bg-amber-50 p-3">
                <p className="mb-1 text-sm font-semibold text-amber-900">已填写核实说明（{check.warnings.length} 项，审核人将看到）</p>
                <CheckList items={check.warnings} tone="warning" />
              </div>
            ) : null}
            {explainable.length > 0 && !readOnly ? (
              <div className="mt-4 space-y-3">
                <p className="text-sm text-slate-700">数据确实无误（例如已公开数的尾差）时，可填写核实说明；填写后不再阻止提交。</p>
                {explainable.map((item) => {
                  const id = `fa-explain-${item.code}`;
                  return (
                    <div key={item.code} className="space-y-1">
                      <label htmlFor={id} className="block text-sm font-medium">
                        核实说明：{CHECK_LABELS[item.code] ?? item.code}
                      </label>
                      <textarea id={id} rows={2} className="block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" {...register(`explanations.${item.code}`)} />
                    </div>
                  );
                })}
              </div>
            ) : null}
          </section>

          <fieldset disabled={readOnly || pending} className="min-w-0 space-y-6">
            <legend className="sr-only">决算数据</legend>
            <FormSection id="fa-staffing" title="一、人员概况">
              <StaffingSection />
            </FormSection>
            <FormSection id="fa-totals" title="二、收支总体情况" note="收、支总计和本年收入、支出合计由各明细自动计算，不需填写。">
              <TotalsSection computed={computed} printed={props.printed} />
            </FormSection>
            <FormSection id="fa-income" title="三、收入决算（按来源）">
              <IncomeSection computed={computed} />
            </FormSection>
            <FormSection id="fa-lines" title="四、一般公共预算财政拨款支出（按功能分类）" note="每行一个项级科目；决算数 = 基本支出 + 项目支出。决算数与预算数不一致时须说明原因。">
              <ExpenditureLines codes={props.codes} computed={computed} readOnly={readOnly} />
            </FormSection>
            <FormSection id="fa-basic" title="五、一般公共预算财政拨款基本支出">
              <BasicSection computed={computed} printedBasic={props.printed["basic.total"]} />
            </FormSection>
            <FormSection id="fa-three-public" title="六、“三公”经费财政拨款支出">
              <ThreePublicSection computed={computed} printedTotal={props.printed["threePublic.total"]} />
            </FormSection>
            <FormSection id="fa-other" title="七、其他重要事项">
              <OtherSection computed={computed} />
            </FormSection>
            <FormSection id="fa-prior" title="八、上年决算数（用于同比）" note="同比增减和增减率自动计算。">
              <PriorSection computed={computed} />
            </FormSection>
            <FormSection id="fa-glossary" title="九、名词解释">
              <GlossarySection readOnly={readOnly} />
            </FormSection>
          </fieldset>

          {!readOnly ? (
            <div className="no-print sticky bottom-0 z-10 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white/95 py-3">
              <Button type="submit" disabled={pending} data-testid="fa-save">
                {pending ? "正在保存…" : "保存（Ctrl+S）"}
              </Button>
              {formState.isDirty ? <span className="text-sm text-amber-800">有未保存的修改</span> : null}
              {props.reportHref ? (
                <Link href={props.reportHref} className="text-sm text-brand-700 underline">
                  编写说明文字并提交审核
                </Link>
              ) : null}
              {banner ? (
                <SaveBanner
                  banner={banner}
                  testIdPrefix="fa"
                  hasUnsavedEdits={formState.isDirty}
                  onBeforeReload={() => {
                    allowLeave.current = true;
                  }}
                />
              ) : null}
            </div>
          ) : null}
        </div>
      </form>
    </FormProvider>
  );
}
