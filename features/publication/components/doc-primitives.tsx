import type { ReactNode } from "react";
import { formatWanText } from "@/lib/money";
import styles from "./portal-document.module.css";

export const numCell = styles.num;

/**
 * A table of the document: a real <caption> (its accessible name), header cells with
 * scope, and its own horizontal scroll container so that a wide table never widens
 * the page on a phone (focusable, so keyboard users can scroll it).
 */
export function DocTable({ id, caption, wide, children }: { id?: string; caption: ReactNode; wide?: boolean; children: ReactNode }) {
  const captionId = `${id ?? "t"}-caption`;
  // The caption stays in view while the table scrolls sideways, a phone says that it scrolls
  // (both in CSS), and a short table is never split across printed pages.
  return (
    <div className={`${styles.tableBlock} my-4`}>
      <div className={styles.scroll} role="region" aria-labelledby={id ? captionId : undefined} tabIndex={0}>
        <table id={id} className={`${styles.table} ${wide ? styles.wide : ""}`}>
          <caption id={id ? captionId : undefined}>{caption}</caption>
          {children}
        </table>
      </div>
    </div>
  );
}

/**
 * A computed 万元 amount; where the document printed a different figure, the printed
 * one is shown next to it ("原文为 X") — disagreements are published, never hidden.
 */
export function Amount({ value, printed }: { value: string | null | undefined; printed?: string | null }) {
  const shown = formatWanText(value);
  const differs = printed != null && value != null && formatWanText(printed) !== shown;
  return (
    <>
      {shown}
      {differs ? (
        <span className="ml-1 inline-block whitespace-nowrap rounded-sm border border-amber-300 bg-amber-50 px-1 text-xs font-normal text-amber-900 print:ml-0 print:block print:border-0 print:p-0" data-printed-figure>
          （原文为 {formatWanText(printed)}）
        </span>
      ) : null}
    </>
  );
}

/** Narrative text rendered inertly: one paragraph per line, never HTML. */
export function Narrative({ body }: { body: string }) {
  const paragraphs = body.split("\n").filter((p) => p.trim() !== "");
  if (paragraphs.length === 0) return null;
  return (
    <div className={styles.prose}>
      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

const headingClass: Record<number, string> = {
  2: "mt-10 mb-4 border-b-2 border-slate-800 pb-2 text-center text-xl font-bold print:border-0 print:text-[16pt]",
  3: "mt-8 mb-2 text-lg font-bold",
  4: "mt-5 mb-2 text-base font-bold",
  5: "mt-4 mb-1 text-base font-semibold",
  6: "mt-3 mb-1 text-sm font-semibold",
};

export function Heading({ level, id, pageBreak, children }: { level: 2 | 3 | 4 | 5 | 6; id?: string; pageBreak?: boolean; children: ReactNode }) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={`${headingClass[level]} scroll-mt-4 ${pageBreak ? styles.pageBreak : ""}`}>
      {children}
    </Tag>
  );
}

export const documentClass = styles.document;
export const figureClass = styles.figure;
export const chartScrollClass = styles.chartScroll;
export const pageBreakClass = styles.pageBreak;
export const keepTogetherClass = styles.keepTogether;

/** Column header cell of a document table. */
export const Th = ({ children, className = "" }: { children: ReactNode; className?: string }) => (
  <th scope="col" className={className}>
    {children}
  </th>
);

/** Row header cell of a document table (indented for a sub-item). */
export const RowTh = ({ children, className = "", indent = false }: { children: ReactNode; className?: string; indent?: boolean }) => (
  <th scope="row" className={`font-normal ${className}`} style={indent ? { paddingLeft: "1.5rem" } : undefined}>
    {children}
  </th>
);
