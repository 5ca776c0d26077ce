"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/ui/use-server-action";
import { markNotificationsReadAction } from "../actions";

export type NotificationItem = { id: string; message: string; reportId: string | null; createdAtText: string; read: boolean };

/** The user's notifications (unread first and highlighted) with "全部标为已读". */
export function NotificationList({ items }: { items: NotificationItem[] }) {
  const { pending, error, run } = useServerAction();
  const unread = items.filter((n) => !n.read).length;
  return (
    <section aria-labelledby="notifications-heading" className="rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="notifications">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-5 py-3">
        <h2 id="notifications-heading" className="text-base font-semibold">
          通知
          {unread > 0 ? <span className="ml-2 rounded-full bg-red-600 px-2 py-0.5 text-xs font-medium text-white">{unread} 条未读</span> : null}
        </h2>
        {unread > 0 ? (
          <Button
            variant="secondary"
            className="px-3 py-1.5"
            disabled={pending}
            onClick={() => run(markNotificationsReadAction)}
          >
            全部标为已读
          </Button>
        ) : null}
      </header>
      {error ? (
        <p role="alert" className="px-5 pt-3 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">暂无通知。</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((n) => (
            <li key={n.id} className={`flex flex-wrap items-baseline gap-x-3 gap-y-1 px-5 py-2.5 text-sm ${n.read ? "text-slate-600" : "bg-brand-50 font-medium text-slate-900"}`} data-testid="notification" data-read={n.read ? "true" : "false"}>
              {!n.read ? <span className="rounded bg-brand-700 px-1.5 text-xs text-white">未读</span> : null}
              {n.reportId ? (
                <Link href={`/reports/${n.reportId}`} className="hover:underline">
                  {n.message}
                </Link>
              ) : (
                <span>{n.message}</span>
              )}
              <span className="ml-auto text-xs font-normal text-slate-600">{n.createdAtText}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
