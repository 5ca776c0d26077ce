/**
 * Hand-built SVG charts of the expenditure structure. Each is a <figure> whose
 * <figcaption> names it; the SVG is an image (role="img") labelled by its <title>,
 * carries the figures in its <desc>, and is described by the data table next to it
 * (aria-describedby) — the same numbers as text.
 */
import { formatPercentText, formatWanText } from "@/lib/money";
import { chartScrollClass, figureClass } from "./doc-primitives";

const BAR = "#1e40af"; // brand-700: 8.6:1 against white
const BAR_2 = "#b45309"; // amber-700: 5.0:1 against white
const TEXT = "#0f172a";

type Bar = { label: string; amount: string | null; share: string | null };

function share(v: string | null) {
  const n = Number(v ?? 0);
  return Number.isFinite(n) ? Math.max(0, Math.min(100, n)) : 0;
}

/** Horizontal bars, one per 类, scaled to the largest share. */
export function ClassBarChart({ id, caption, bars, describedBy }: { id: string; caption: string; bars: Bar[]; describedBy: string }) {
  const rowH = 40;
  const labelW = 190;
  const barW = 300;
  const width = 720;
  const height = bars.length * rowH + 16;
  const max = Math.max(1, ...bars.map((b) => share(b.share)));
  const desc = bars.map((b) => `${b.label}${formatWanText(b.amount)}万元，占${formatPercentText(b.share)}`).join("；");
  return (
    <figure className={`${figureClass} my-6 rounded-md border border-slate-200 bg-white p-4 print:border-0 print:p-0`} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="mb-2 text-sm font-semibold text-slate-800">
        {caption}
      </figcaption>
      {/* On a phone the chart keeps a legible size and scrolls sideways, like the tables. */}
      <div className={chartScrollClass} tabIndex={0} role="group" aria-label={`${caption}（可左右滚动）`}>
      <svg role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc ${describedBy}`} viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-3xl" fontFamily="inherit">
        <title id={`${id}-title`}>{caption}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {bars.map((b, i) => {
          const y = 8 + i * rowH;
          const w = Math.max(2, (share(b.share) / max) * barW);
          return (
            <g key={b.label}>
              <text x={labelW - 10} y={y + rowH / 2} textAnchor="end" dominantBaseline="middle" fontSize="15" fill={TEXT}>
                {b.label}
              </text>
              <rect x={labelW} y={y + 8} width={w} height={rowH - 16} fill={BAR} rx="2" />
              <text x={labelW + w + 8} y={y + rowH / 2} dominantBaseline="middle" fontSize="14" fill={TEXT}>
                {formatWanText(b.amount)}万元（{formatPercentText(b.share)}）
              </text>
            </g>
          );
        })}
      </svg>
      </div>
    </figure>
  );
}

/** One 100% bar split into 基本支出 and 项目支出, with a legend. */
export function SplitBarChart({ id, caption, parts, describedBy }: { id: string; caption: string; parts: [Bar, Bar]; describedBy: string }) {
  const width = 720;
  const x0 = 10;
  const barW = 700;
  const first = (share(parts[0].share) / 100) * barW;
  const desc = parts.map((b) => `${b.label}${formatWanText(b.amount)}万元，占${formatPercentText(b.share)}`).join("；");
  const colors = [BAR, BAR_2];
  return (
    <figure className={`${figureClass} my-6 rounded-md border border-slate-200 bg-white p-4 print:border-0 print:p-0`} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="mb-2 text-sm font-semibold text-slate-800">
        {caption}
      </figcaption>
      <div className={chartScrollClass} tabIndex={0} role="group" aria-label={`${caption}（可左右滚动）`}>
      <svg role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc ${describedBy}`} viewBox={`0 0 ${width} 96`} className="h-auto w-full max-w-3xl" fontFamily="inherit">
        <title id={`${id}-title`}>{caption}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        <rect x={x0} y={8} width={first} height={32} fill={colors[0]} />
        <rect x={x0 + first} y={8} width={barW - first} height={32} fill={colors[1]} />
        {parts.map((b, i) => (
          <g key={b.label} transform={`translate(${x0 + i * 360}, 60)`}>
            <rect width="16" height="16" y="2" fill={colors[i]} />
            <text x="24" y="10" dominantBaseline="middle" fontSize="15" fill={TEXT}>
              {b.label}：{formatWanText(b.amount)}万元（{formatPercentText(b.share)}）
            </text>
          </g>
        ))}
      </svg>
      </div>
    </figure>
  );
}
