import type { ReactNode } from "react";

const HEADING_CLASSES = {
  1: "text-lg font-bold text-slate-900",
  2: "text-base font-semibold text-slate-900",
  3: "text-sm font-semibold text-slate-800",
} as const;

/** A narrative heading: 一、 → h3, （一） → h4, 1、 → h5 (the page has h1 and h2 above). */
export function SectionHeading({ level, id, children }: { level: 1 | 2 | 3; id?: string; children: ReactNode }) {
  const Tag = level === 1 ? "h3" : level === 2 ? "h4" : "h5";
  return (
    <Tag id={id} className={`${HEADING_CLASSES[level]} scroll-mt-4`}>
      {children}
    </Tag>
  );
}

/**
 * The stored text of a section, as plain text: React escapes it, line breaks are
 * kept by CSS. Never parsed as markup.
 */
export function NarrativeBody({ body, testId }: { body: string; testId?: string }) {
  if (!body.trim()) return <p className="text-sm italic text-slate-600">（未填写）</p>;
  return (
    <p className="whitespace-pre-wrap break-words text-[15px] leading-7 text-slate-800" data-testid={testId}>
      {body}
    </p>
  );
}
