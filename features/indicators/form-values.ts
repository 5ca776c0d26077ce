/** Stored indicators as editor rows (the same conversion the Excel export uses). */
import type { ProjectDetail } from "@/features/projects/data";
import { storedIndicatorRow } from "./excel/framework";
import type { IndicatorRowInput } from "./schema";

export function indicatorsToRows(p: ProjectDetail): (IndicatorRowInput & { id: string })[] {
  return p.indicators.map((i) => ({ ...storedIndicatorRow(i), id: i.id }));
}
