/** Stored indicators as editor rows. */
import type { ProjectDetail } from "@/features/projects/data";
import { decimalText } from "@/features/projects/convert";
import type { IndicatorRowInput } from "./schema";

export function indicatorsToRows(p: ProjectDetail): (IndicatorRowInput & { id: string })[] {
  return p.indicators.map((i) => ({
    id: i.id,
    level1Id: i.level1Id,
    level2Id: i.level2Id,
    name: i.name,
    nature: i.nature,
    targetValue: decimalText(i.targetValue),
    unit: i.unit ?? "",
    targetText: i.targetText,
    actualValue: decimalText(i.actualValue),
    actualText: i.actualText,
    weight: decimalText(i.weight),
    manualScore: decimalText(i.manualScore),
    applicable: i.applicable,
    deviationReason: i.deviationReason,
  }));
}
