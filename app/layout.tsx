import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "绩效 · 预算绩效管理与决算公开平台", template: "%s · 绩效" },
  description: "部门预算绩效目标、绩效自评、部门决算与绩效评价报告的填报、审核与公开。",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
