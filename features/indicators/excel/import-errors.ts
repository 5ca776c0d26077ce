/** Presentation of import problems: cell ranges and the order they are listed in. */
import type { ImportError } from "./cells";
import { INDICATOR_COLUMNS } from "./columns";

/** "J2:J4,J7" for rows 2, 3, 4, 7 of column J (the first few runs, then "…"). */
export function cellRanges(letter: string, rowNumbers: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < rowNumbers.length; ) {
    let j = i;
    while (j + 1 < rowNumbers.length && rowNumbers[j + 1] === rowNumbers[j]! + 1) j++;
    runs.push(j > i ? `${letter}${rowNumbers[i]}:${letter}${rowNumbers[j]}` : `${letter}${rowNumbers[i]}`);
    i = j + 1;
  }
  return runs.length > 5 ? `${runs.slice(0, 5).join(",")}…` : runs.join(",");
}

const COLUMN_ORDER = new Map(INDICATOR_COLUMNS.map((c, i) => [c.header, i]));

export function sortErrors(errors: ImportError[]): ImportError[] {
  const seen = new Set<string>();
  return errors
    .filter((e) => {
      const k = `${e.cell}|${e.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.row - b.row || (COLUMN_ORDER.get(a.column) ?? 99) - (COLUMN_ORDER.get(b.column) ?? 99));
}
