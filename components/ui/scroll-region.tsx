"use client";
import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * A wide table's horizontal scroller. When its content is wider than the screen it is a
 * keyboard stop (arrow keys scroll it, WCAG 2.1.1), is named for screen readers, and says
 * that it scrolls sideways; when everything fits it is a plain box and no extra Tab stop.
 */
export function ScrollRegion({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // Server render: assume it may scroll (a focusable region is harmless; a trapped one is not).
  const [overflowing, setOverflowing] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setOverflowing(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="scroll-region">
      {overflowing ? (
        <p className="scroll-hint no-print mb-1 text-xs text-slate-600 sm:hidden" aria-hidden="true">
          表格较宽，可左右滑动查看 →
        </p>
      ) : null}
      <div
        ref={ref}
        role={overflowing ? "region" : undefined}
        aria-label={overflowing ? label : undefined}
        tabIndex={overflowing ? 0 : undefined}
        className={`overflow-x-auto focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-700 ${className}`}
      >
        {children}
      </div>
    </div>
  );
}
