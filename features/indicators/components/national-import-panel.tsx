"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FileInput } from "@/components/ui/file-input";
import type { ImportError } from "../excel/cells";
import type { NationalPreview } from "../excel/national";
import { importNationalAction, previewNationalAction } from "../import-action";
import { NATURE_LABELS } from "../schema";
import { ImportErrors } from "./import-errors";

/**
 * 导入自评表（全国格式）: the 自评表 offices already have (财预〔2020〕10号 layout). Step 1
 * shows what will be imported and where the printed 得分 differs from the computed one;
 * step 2 imports it (replacing the table). Errors are listed by cell.
 */
export function NationalImportPanel({ projectId, version }: { projectId: string; version: number }) {
  const router = useRouter();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<NationalPreview | null>(null);
  const [errors, setErrors] = useState<{ message: string; list: ImportError[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [fileKey, setFileKey] = useState(0);

  const form = () => {
    const file = fileRef.current?.files?.[0];
    if (!file) return null;
    const f = new FormData();
    f.set("file", file);
    return f;
  };
  const doPreview = () => {
    const f = form();
    setPreview(null);
    setErrors(null);
    setDone(null);
    if (!f) return setErrors({ message: "请先选择自评表文件（.xlsx）", list: [] });
    startTransition(async () => {
      const r = await previewNationalAction(projectId, f);
      if (r.ok) setPreview(r.preview);
      else setErrors({ message: r.message, list: "errors" in r ? r.errors : [] });
    });
  };
  const doImport = () => {
    const f = form();
    if (!f) return;
    startTransition(async () => {
      const r = await importNationalAction(projectId, version, f);
      if (r.ok) {
        setPreview(null);
        setDone(`已导入${r.imported}项指标`);
        setFileKey((k) => k + 1);
        router.refresh();
      } else setErrors({ message: r.message, list: "errors" in r ? r.errors : [] });
    });
  };

  const th = "px-2 py-1 text-left font-semibold whitespace-nowrap";
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${id}-title`} className="text-base font-semibold">
        导入自评表（全国格式）
      </h2>
      <p className="text-sm text-slate-600">
        可直接导入按财预〔2020〕10号格式填写的项目支出绩效自评表：按表头文字查找“一级指标”“二级指标”“三级指标”“年度指标值”“实际完成值”“分值”“得分”等列，合并单元格、“≥50个”“≤90万元”“95%”“/”均可识别。先预览，确认后再导入（整体替换本项目的绩效指标）。
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={`${id}-file`} className="text-sm font-medium">
          自评表文件（.xlsx）
        </label>
        <FileInput key={fileKey} inputRef={fileRef} id={`${id}-file`} disabled={pending} onChange={() => setPreview(null)} />
        <Button variant="secondary" onClick={doPreview} disabled={pending}>
          预览
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {done ? <p className="text-sm font-medium text-green-700">{done}</p> : null}
      </div>
      {errors ? <ImportErrors message={errors.message} errors={errors.list} caption="自评表导入错误明细" /> : null}
      {preview ? (
        <div className="space-y-3 text-sm" data-testid="national-preview">
          <p>
            工作表“{preview.sheet}”，表头在第{preview.headerRow}行；将导入 {preview.rows.length} 项指标
            {preview.rows.some((r) => r.differs) ? `，其中 ${preview.rows.filter((r) => r.differs).length} 项印刷得分与按规则计算的得分不同（见标记行）` : "，印刷得分与计算得分一致"}。
          </p>
          {preview.funding.length ? (
            <table className="min-w-full">
              <caption className="text-left font-medium">表中的项目资金（万元，仅供核对，不会导入）</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className={th}>资金</th>
                  <th scope="col" className={th}>年初预算数</th>
                  <th scope="col" className={th}>全年预算数</th>
                  <th scope="col" className={th}>全年执行数</th>
                </tr>
              </thead>
              <tbody>
                {preview.funding.map((f) => (
                  <tr key={f.label} className="border-b border-slate-100">
                    <th scope="row" className="px-2 py-1 text-left font-normal">{f.label}</th>
                    <td className="px-2 py-1">{f.initial}</td>
                    <td className="px-2 py-1">{f.annual}</td>
                    <td className="px-2 py-1">{f.executed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <div className="overflow-x-auto">
            <table className="min-w-full">
              <caption className="text-left font-medium">将导入的绩效指标</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  {["行", "一级指标", "二级指标", "三级指标", "性质", "年度指标值", "实际完成值", "分值", "印刷得分", "计算得分"].map((h) => (
                    <th key={h} scope="col" className={th}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.rowNumber} className={`border-b border-slate-100 ${r.differs ? "bg-amber-50" : ""}`} data-differs={r.differs || undefined}>
                    <td className="px-2 py-1">{r.rowNumber}</td>
                    <td className="px-2 py-1">{r.level1}</td>
                    <td className="px-2 py-1">{r.level2}</td>
                    <td className="px-2 py-1">{r.name}</td>
                    <td className="px-2 py-1">{r.applicable ? NATURE_LABELS[r.nature] : "不适用"}</td>
                    <td className="px-2 py-1">{r.target}</td>
                    <td className="px-2 py-1">{r.actual}</td>
                    <td className="px-2 py-1">{r.weight || "—"}</td>
                    <td className="px-2 py-1">{r.printedScore ?? "—"}</td>
                    <td className="px-2 py-1">
                      {r.computedScore ?? "—"}
                      {r.differs ? <span className="ml-1 font-medium text-amber-900">（与印刷得分不同）</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            印刷总分：{preview.printedTotal ?? "—"}；按规则计算的各指标得分合计（不含预算执行率）：{preview.computedIndicatorTotal}
          </p>
          <Button onClick={doImport} disabled={pending}>
            确认导入
          </Button>
        </div>
      ) : null}
    </section>
  );
}
