"use client";

import { Button } from "./button";

export type SaveBannerState = { kind: "saved" | "error" | "conflict"; text: string };

/**
 * The outcome of a save: green when saved, red otherwise; on a version conflict a
 * 重新加载 button (asking first when unsaved edits would be lost).
 */
export function SaveBanner({ banner, testIdPrefix, hasUnsavedEdits, onBeforeReload }: { banner: SaveBannerState; testIdPrefix: string; hasUnsavedEdits: boolean; onBeforeReload?: () => void }) {
  return (
    <div
      role={banner.kind === "saved" ? "status" : "alert"}
      data-testid={`${testIdPrefix}-${banner.kind}`}
      className={`flex flex-wrap items-center gap-3 rounded-md border px-4 py-3 text-sm ${banner.kind === "saved" ? "border-green-200 bg-green-50 text-green-800" : "border-red-200 bg-red-50 text-red-800"}`}
    >
      <span>{banner.text}</span>
      {banner.kind === "conflict" ? (
        <Button
          variant="secondary"
          onClick={() => {
            if (hasUnsavedEdits && !window.confirm("重新加载将放弃您尚未保存的修改。确定吗？")) return;
            onBeforeReload?.();
            window.location.reload();
          }}
        >
          重新加载
        </Button>
      ) : null}
    </div>
  );
}
