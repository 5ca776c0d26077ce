/**
 * A score as printed (two decimals). Where rounding changed it (an indicator at 9.997 shows
 * 10.00, a total at 99.997 shows 100.00) the exact value is on hover, read out by screen
 * readers and marked with a dotted underline, so a reviewer can see it was not full.
 */
import { scoreDisplay } from "@/lib/money";

type Props = {
  /** The two-decimal figure as computed ("10.00"); null shows the fallback. */
  value: string | null | undefined;
  /** The unrounded value when it differs (ScoreResult.totalExact, IndicatorResult.scoreExact …). */
  exact?: string | null;
  fallback?: string;
  testId?: string;
};

export function ScoreValue({ value, exact, fallback = "—", testId }: Props) {
  if (value == null || value === "") return <span data-testid={testId}>{fallback}</span>;
  const text = scoreDisplay(value).text;
  if (!exact) return <span data-testid={testId}>{text}</span>;
  return (
    <span
      className="cursor-help underline decoration-dotted underline-offset-2"
      title={`精确值 ${exact}（四舍五入为 ${text}）`}
      data-exact={exact}
      data-testid={testId}
    >
      {text}
      <span className="sr-only">（精确值 {exact}）</span>
    </span>
  );
}
