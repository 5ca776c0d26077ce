"use client";

import { type RefObject, useEffect } from "react";

export const UNSAVED_CHANGES_MESSAGE = "有未保存的修改，确定离开吗？";

/**
 * While `dirty`, warns before the page is closed or reloaded (beforeunload) and
 * before an in-app link is followed (a capturing click listener: the App Router has
 * no route-change event to cancel). Set `allowLeave.current = true` before a
 * deliberate reload so that it does not ask twice.
 */
export function useUnsavedChangesWarning(dirty: boolean, allowLeave?: RefObject<boolean>) {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (allowLeave?.current) return;
      e.preventDefault();
      e.returnValue = "";
    };
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const anchor = e.target instanceof Element ? e.target.closest("a[href]") : null;
      if (!(anchor instanceof HTMLAnchorElement)) return;
      if ((anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return; // leaving the site: beforeunload asks
      const here = window.location;
      if (url.pathname === here.pathname && url.search === here.search) return; // same page or anchor
      if (window.confirm(UNSAVED_CHANGES_MESSAGE)) {
        if (allowLeave) {
          allowLeave.current = true; // a full page load must not ask a second time
          window.setTimeout(() => {
            allowLeave.current = false;
          }, 2000);
        }
        return;
      }
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty, allowLeave]);
}
