"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FileInput } from "@/components/ui/file-input";
import type { ImportError } from "../excel/cells";
import { importIndicatorsAction } from "../import-action";
import { ImportErrors } from "./import-errors";

/** Same limit as the server (features/indicators/excel/columns.ts MAX_IMPORT_BYTES); checked here to spare the upload. */
const MAX_BYTES = 5 * 1024 * 1024;

type Outcome =
  | { kind: "success"; message: string }
  | { kind: "failure"; message: string; errors: ImportError[]; errorCount: number };

const linkClass =
  "inline-flex items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 transition-colors hover:bg-slate-100";

/** The message without its leading "E7：" (the cell has a column of its own). */
/**
 * Excel for one project's indicator table: download the 自评表 and the import template, and (for
 * those who may edit) import a filled template, which replaces the whole table.
 */
export function ExcelPanel({ projectId, version, canImport }: { projectId: string; version: number; canImport: boolean }) {
  const router = useRouter();
  const inputId = useId();
  const statusId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();
  const [fileKey, setFileKey] = useState(0);
  const base = `/api/projects/${encodeURIComponent(projectId)}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setOutcome({ kind: "failure", message: "请先选择要导入的 Excel（.xlsx）文件", errors: [], errorCount: 0 });
      return;
    }
    if (file.size > MAX_BYTES) {
      setOutcome({ kind: "failure", message: "文件超过5 MB，请删除无关内容或分批导入", errors: [], errorCount: 0 });
      return;
    }
    const formData = new FormData();
    formData.set("file", file);
    setOutcome(null);
    startTransition(async () => {
      try {
        const result = await importIndicatorsAction(projectId, version, formData);
        if (result.ok) {
          setOutcome({ kind: "success", message: `已导入${result.imported}项指标` });
          setFileName("");
          setFileKey((k) => k + 1);
          router.refresh();
        } else if ("errors" in result) {
          setOutcome({ kind: "failure", message: result.message, errors: result.errors, errorCount: result.errorCount });
        } else {
          setOutcome({ kind: "failure", message: result.message, errors: [], errorCount: 0 });
        }
      } catch {
        setOutcome({ kind: "failure", message: "导入失败：文件未能上传或服务器暂时无法处理，请稍后重试", errors: [], errorCount: 0 });
      }
    });
  }

  return (
    <section aria-labelledby={`${inputId}-title`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={`${inputId}-title`} className="text-base font-semibold">
          Excel 导入导出
        </h2>
        <div className="flex flex-wrap gap-2">
          <a className={linkClass} href={`${base}/self-evaluation`}>
            下载自评表（Excel）
          </a>
          <a className={linkClass} href={`${base}/indicator-template`}>
            下载导入模板
          </a>
        </div>
      </header>

      {canImport ? (
        <form onSubmit={onSubmit} className="space-y-3" aria-describedby={statusId}>
          <div className="space-y-1">
            <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
              导入绩效指标（.xlsx）
            </label>
            <div className="flex flex-wrap items-center gap-3">
              <FileInput
                key={fileKey}
                inputRef={fileRef}
                id={inputId}
                name="file"
                disabled={pending}
                onChange={(e) => {
                  setFileName(e.target.files?.[0]?.name ?? "");
                  setOutcome(null);
                }}
              />
              <Button type="submit" disabled={pending || !fileName} aria-busy={pending}>
                {pending ? "正在导入…" : "导入"}
              </Button>
            </div>
            <p className="text-xs text-slate-500">导入将整体替换本项目现有的全部绩效指标；文件有任何错误时不会导入任何数据。文件不超过5 MB。</p>
          </div>

          <div id={statusId} role="status" aria-live="polite">
            {pending ? <p className="text-sm text-slate-600">正在导入…</p> : null}
            {outcome?.kind === "success" ? <p className="text-sm font-medium text-green-700">{outcome.message}</p> : null}
          </div>

          {outcome?.kind === "failure" ? (
            <ImportErrors
              message={outcome.message}
              errors={outcome.errors}
              caption="导入错误明细"
              footer={outcome.errorCount > outcome.errors.length ? <p className="text-xs text-red-700">仅列出前{outcome.errors.length}处错误，请修改后重新导入。</p> : null}
            />
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
