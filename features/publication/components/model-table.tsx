/**
 * A table of the year document (../exports/table-model) on the page, hence in the PDF: for a
 * published 附表 the same rows, cells and notes that the Word file, the Excel sheet and the CSV file
 * lay out, so that the four never disagree; for the page's own tables (../page-tables) their rows. Only the layout is the page's own: text columns take their width
 * from the model's, the first text column heads each row (indented by its level), totals are
 * bold, numbers right-aligned, and a cell whose figure the document printed differently shows the
 * printed one beside it (<Amount>).
 */
import type { ReactNode } from "react";
import { isNumericColumn, noteLines, type StandardTable, type TableColumn, type TableRow } from "../exports/table-model";
import { Amount, DocTable, numCell, Th } from "./doc-primitives";

/**
 * A text column's width on the page, from its width in Word and Excel (characters): a short label
 * stays on one line, a long text keeps a readable measure on screen and gives way in print.
 */
function textClass(c: TableColumn): string {
  if (c.kind !== "text") return "";
  if (c.width <= 14) return "whitespace-nowrap";
  return c.width >= 40 ? "" : "min-w-[11rem] print:min-w-[6rem]";
}

function cellText(row: TableRow, c: TableColumn): ReactNode {
  const value = row.cells[c.key];
  const printed = row.printed?.[c.key];
  if (printed != null && value != null) return <Amount value={String(value)} printed={printed} />;
  return value == null ? "" : String(value);
}

export function ModelTable({ table, id, caption, wide }: { table: StandardTable; id: string; caption: string; wide?: boolean }) {
  const header = table.columns.find((c) => c.kind === "text");
  // Total rows that close the table are its foot (<tfoot>: printed once, after the last part of a long table).
  let split = table.rows.length;
  while (split > 0 && table.rows[split - 1]!.total) split--;
  const body = table.rows.slice(0, split);
  const foot = table.rows.slice(split);
  const renderRow = (r: TableRow, i: number) => (
    <tr key={i} className={r.total ? "font-semibold" : ""}>
      {table.columns.map((c) =>
        c === header ? (
          <th key={c.key} scope="row" className={`${textClass(c)} ${r.total ? "" : "font-normal"}`} style={r.level ? { paddingLeft: `${0.5 + r.level * 1.25}rem` } : undefined}>
            {cellText(r, c)}
          </th>
        ) : (
          <td key={c.key} className={isNumericColumn(c) ? numCell : textClass(c)}>
            {cellText(r, c)}
          </td>
        ),
      )}
    </tr>
  );
  return (
    <>
      <DocTable id={id} caption={caption} wide={wide}>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <Th key={c.key} className={isNumericColumn(c) ? numCell : c.kind === "code" ? "whitespace-nowrap" : ""}>
                {c.header}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody>{body.map(renderRow)}</tbody>
        {foot.length > 0 ? <tfoot>{foot.map((r, i) => renderRow(r, body.length + i))}</tfoot> : null}
      </DocTable>
      {noteLines(table.notes).map((line) => (
        <p key={line} className="text-sm text-slate-700">
          {line}
        </p>
      ))}
    </>
  );
}
