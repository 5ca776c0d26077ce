"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FileInput } from "@/components/ui/file-input";
import { importDepartmentsAndAccountsAction, type ImportActionResult } from "../import-action";
import { FormAlert } from "@/components/ui/bound-fields";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function download(base64: string, filename: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_MIME }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Upload, then either every wrong cell or the counts and the one-time password file. */
export function ImportForm() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ImportActionResult | null>(null);

  return (
    <div className="space-y-4">
      <form
        aria-label="导入部门和账号"
        className="flex flex-wrap items-center gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          start(async () => {
            const r = await importDepartmentsAndAccountsAction(data);
            setResult(r);
            if (r.ok) {
              if (r.passwordFile) download(r.passwordFile, "新账号临时密码.xlsx");
              router.refresh();
            }
          });
        }}
      >
        <label htmlFor="import-file" className="text-sm font-medium">
          选择文件
        </label>
        <FileInput id="import-file" name="file" required />
        <Button type="submit" disabled={pending}>
          {pending ? "正在导入…" : "导入"}
        </Button>
      </form>
      {result && !result.ok ? (
        <FormAlert testId="import-errors">
          <p className="font-semibold">{result.message}</p>
          {result.errors.length ? (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {result.errors.map((e, i) => (
                <li key={i}>
                  “{e.sheet}”表 {e.cell}：{e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </FormAlert>
      ) : null}
      {result?.ok ? (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-800" data-testid="import-done">
          已导入 {result.departments} 个部门或单位、{result.accounts} 个账号。
          {result.passwordFile ? (
            <>
              新账号的临时密码已下载为“新账号临时密码.xlsx”（只提供这一次）。
              <Button variant="secondary" className="ml-2" onClick={() => download(result.passwordFile!, "新账号临时密码.xlsx")}>
                再次下载
              </Button>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
