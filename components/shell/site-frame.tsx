import Link from "next/link";
import type { ReactNode } from "react";
import { SkipLink } from "./skip-link";

/**
 * The frame of every page, public or signed in: the skip link, a header bar (not printed) that
 * starts with the site's name linking home, the main region the skip link jumps to, and an
 * optional footer. `bar` / `main` set each one's width and spacing.
 */
export function SiteFrame({ home, title, bar, main, header, footer, children }: { home: string; title: string; bar: string; main: string; header: ReactNode; footer?: ReactNode; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <SkipLink />
      <header className="no-print border-b border-slate-200 bg-white">
        <div className={`mx-auto flex items-center px-4 ${bar}`}>
          <Link href={home} className="text-lg font-bold text-brand-900">
            {title}
          </Link>
          {header}
        </div>
      </header>
      <main id="main" tabIndex={-1} className={`mx-auto px-4 ${main}`}>
        {children}
      </main>
      {footer}
    </div>
  );
}
