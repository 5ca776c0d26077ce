"use client";

/**
 * The root layout itself failed: its own <html>, plain styles (the app's CSS may not load),
 * a Chinese message and the reference logged on the server (instrumentation.ts).
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "system-ui, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif", maxWidth: "40rem", margin: "4rem auto", padding: "0 1rem", color: "#1e293b" }}>
        <h1 style={{ fontSize: "1.5rem" }}>服务暂时不可用</h1>
        <p>服务器处理请求时出错，请稍后重试。如果问题持续存在，请把参考编号告诉系统管理员。</p>
        {error.digest ? <p data-testid="error-reference">参考编号：{error.digest}</p> : null}
        <p>
          {/* A full reload: the client router may be what failed. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/">返回首页</a>
        </p>
      </body>
    </html>
  );
}
