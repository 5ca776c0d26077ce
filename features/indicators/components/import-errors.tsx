import type { ReactNode } from "react";
import type { ImportError } from "../excel/cells";

/** The message without its leading "A7：" when the 单元格 column shows that cell already. */
function problem(e: ImportError): string {
  const prefix = `${e.cell}：`;
  return e.cell && e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
}

/** Why an upload was refused: the message, then each error by cell and column (scrolls when long); `footer` under it. */
export function ImportErrors({ message, errors, caption, footer }: { message: string; errors: readonly ImportError[]; caption: string; footer?: ReactNode }) {
  const th = "px-3 py-2 font-semibold text-slate-700";
  return (
    <div role="alert" className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
      <p className="text-sm font-medium text-red-800">{message}</p>
      {errors.length > 0 ? (
        <div className="max-h-96 overflow-auto rounded border border-red-100 bg-white">
          <table className="min-w-full border-collapse text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead className="sticky top-0 bg-slate-50">
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className={`${th} whitespace-nowrap`}>单元格</th>
                <th scope="col" className={`${th} whitespace-nowrap`}>列</th>
                <th scope="col" className={th}>问题</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((e, i) => (
                <tr key={i} className="border-b border-slate-100 last:border-0">
                  <td className="px-3 py-2 align-top font-mono whitespace-nowrap">{e.cell || "—"}</td>
                  <td className="px-3 py-2 align-top whitespace-nowrap">{e.column || "—"}</td>
                  <td className="px-3 py-2 align-top">{problem(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {footer}
    </div>
  );
}
