/**
 * The rules of the sampling review (财政抽查复核), pure and browser-safe:
 * - the draw: a seeded shuffle (Fisher–Yates over mulberry32) of the candidates in the overview's
 *   order, so that the same candidates and the same seed always give the same sample — an auditor
 *   re-runs `drawSample(draw.poolIds, draw.seed, draw.size)` and must get the stored items;
 * - the review total: the re-scored rows added up and rescaled to 100 exactly as the self-evaluation's
 *   total is (Σ scores × 100 / Σ 分值 of the applicable rows, features/scoring/score.ts);
 * - 自评质量: from the absolute deviation between the self total and the review total:
 *   ≤ 5 points 好, ≤ 10 points 一般, otherwise 差 (the bureau's rule, printed on the page and in the export).
 */
import { Decimal, fmt2, HUNDRED, round2, sum, toDecimal, type DecimalLike } from "@/lib/money";
import { mulberry32 } from "@/lib/seeded-random";

/** The largest seed a reviewer may enter (stored in a 32-bit column). */
export const MAX_SEED = 2_147_483_647;

/** The sample: the first `size` candidates of a seeded shuffle of `poolIds` (in the shuffled order). */
export function drawSample(poolIds: readonly string[], seed: number, size: number): string[] {
  const ids = [...poolIds];
  const random = mulberry32(seed);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids.slice(0, Math.max(0, Math.min(size, ids.length)));
}

export type QualityGrade = "好" | "一般" | "差";

/** The 自评质量 rule, as printed. */
export const QUALITY_RULE = "自评质量按自评得分与复核得分之差的绝对值评定：不超过 5 分为“好”，不超过 10 分为“一般”，超过 10 分为“差”。";

export function qualityOf(selfTotal: DecimalLike, reviewTotal: DecimalLike): QualityGrade {
  const gap = round2(toDecimal(reviewTotal).minus(toDecimal(selfTotal))).abs();
  if (gap.lessThanOrEqualTo(5)) return "好";
  if (gap.lessThanOrEqualTo(10)) return "一般";
  return "差";
}

/** One row of the 自评表 under review: its self score and 分值 (null score = not applicable). */
export type ReviewRow = { key: string; selfScore: string | null; max: string; reviewScore: string | null };

/**
 * The review total, rescaled like the self total: Σ review scores × 100 / Σ 分值 over the
 * applicable rows. Null while a row is not yet re-scored or nothing applies.
 */
export function reviewTotal(rows: readonly ReviewRow[]): string | null {
  const applicable = rows.filter((r) => r.selfScore != null);
  if (!applicable.length || applicable.some((r) => r.reviewScore == null)) return null;
  const max = sum(applicable.map((r) => r.max));
  if (max.lessThanOrEqualTo(0)) return null;
  return fmt2(sum(applicable.map((r) => r.reviewScore)).times(HUNDRED).dividedBy(max));
}

/** Signed deviation review − self ("-6.50"), or null. */
export function deviation(selfTotal: string | null, review: string | null): string | null {
  if (selfTotal == null || review == null) return null;
  return fmt2(new Decimal(review).minus(selfTotal));
}
