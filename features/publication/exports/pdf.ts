/**
 * PDF of a published year document: the public page `/portal/[code]/[year]/v/N`
 * printed by Chromium (its print stylesheet), A4, page numbers “第 N 页 / 共 M 页”.
 *
 * The page is fetched from this very server on an internal origin
 * (`PDF_RENDER_ORIGIN`, default `http://127.0.0.1:$PORT`), never from the request's
 * Host header: the result is stored and served to everyone, so a forged Host must not
 * choose what gets rendered. The browser may only load that origin.
 *
 * One Chromium per process, launched on first use and closed after a while without
 * work (and killed with the process: playwright's exit hook); at most two pages render
 * at once so PDF requests cannot take the CPU from the rest of the app.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { versionPath } from "../portal-address";
import { CONTINUED_SUFFIX, continueLongTables } from "./print-continuation";

const MAX_PARALLEL = 2;
const IDLE_CLOSE_MS = 5 * 60_000;
const NAV_TIMEOUT_MS = 60_000;

export class PdfUnavailableError extends Error {
  override name = "PdfUnavailableError";
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** Where the app reaches its own pages. */
export function renderOrigin(): string {
  return (process.env.PDF_RENDER_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}

let browserPromise: Promise<Browser> | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let running = 0;
const waiting: (() => void)[] = [];

function launch(): Promise<Browser> {
  if (browserPromise) return browserPromise;
  const executablePath = chromiumPath();
  // (The path is a runtime setting, not a project file: keep it out of the build's file tracing.)
  if (!existsSync(/*turbopackIgnore: true*/ executablePath)) {
    return Promise.reject(new PdfUnavailableError(`无法生成 PDF：服务器上没有 Chromium（${executablePath} 不存在）。请安装 chromium 与 fonts-noto-cjk，或用 CHROMIUM_PATH 指定浏览器路径。`));
  }
  // The browser resolves no host but the app's own (it has no business anywhere else).
  const host = new URL(renderOrigin()).hostname;
  const started = chromium
    .launch({
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--font-render-hinting=none",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE ${host}`,
      ],
      // Leave SIGINT/SIGTERM/SIGHUP to the Next.js server; playwright still kills the browser on process exit.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    })
    .then(
      (b) => {
        b.on("disconnected", () => {
          if (browserPromise === started) browserPromise = null;
        });
        return b;
      },
      (e: unknown) => {
        browserPromise = null;
        throw new PdfUnavailableError(`无法生成 PDF：Chromium 启动失败（${e instanceof Error ? e.message.split("\n")[0] : String(e)}）。`);
      },
    );
  browserPromise = started;
  return started;
}

async function slot(): Promise<() => void> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  if (idleTimer) clearTimeout(idleTimer);
  return () => {
    running--;
    waiting.shift()?.();
    if (running === 0) {
      idleTimer = setTimeout(() => void closeBrowser(), IDLE_CLOSE_MS);
      idleTimer.unref();
    }
  };
}

/** Closes the shared browser (idle timeout, tests, shutdown). */
export async function closeBrowser(): Promise<void> {
  const p = browserPromise;
  browserPromise = null;
  if (p) await p.then((b) => b.close()).catch(() => undefined);
}

/** A4 and the margins below, in CSS px (96 per inch): the box a printed page's content fills. */
const MM = 96 / 25.4;
const MARGIN_MM = { top: 20, bottom: 22, left: 18, right: 18 };
export const PRINT_CONTENT = {
  width: Math.floor((210 - MARGIN_MM.left - MARGIN_MM.right) * MM),
  height: Math.floor((297 - MARGIN_MM.top - MARGIN_MM.bottom) * MM),
};

const FOOTER = `<div style="width:100%;font-size:9px;text-align:center;color:#333;font-family:'Noto Serif CJK SC','Noto Sans CJK SC','SimSun',serif;">第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>`;

/** Prints a page of this app to an A4 PDF. `path` starts with "/". */
export async function renderPagePdf(path: string): Promise<Uint8Array> {
  const origin = renderOrigin();
  const url = `${origin}${path}`;
  const release = await slot();
  try {
    const browser = await launch();
    const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1240, height: 1754 } });
    try {
      await context.route("**/*", (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort()));
      const page = await context.newPage();
      const response = await page.goto(url, { waitUntil: "load", timeout: NAV_TIMEOUT_MS });
      if (!response || response.status() !== 200) throw new Error(`PDF 源页面 ${path} 返回 ${response?.status() ?? "无响应"}`);
      await page.emulateMedia({ media: "print" });
      // Laid out at the printed width, so that the heights measured for 续表 are the printed ones.
      await page.setViewportSize(PRINT_CONTENT);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.evaluate(continueLongTables, { pageHeight: PRINT_CONTENT.height, suffix: CONTINUED_SUFFIX });
      const pdf = await page.pdf({
        format: "A4",
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: "<div></div>",
        footerTemplate: FOOTER,
        margin: { top: `${MARGIN_MM.top}mm`, bottom: `${MARGIN_MM.bottom}mm`, left: `${MARGIN_MM.left}mm`, right: `${MARGIN_MM.right}mm` },
      });
      return new Uint8Array(pdf);
    } finally {
      await context.close().catch(() => undefined);
    }
  } finally {
    release();
  }
}

/** The portal page of a published version, as printed. */
export function portalPagePath(departmentCode: string, year: number, versionNo: number): string {
  return versionPath(departmentCode, year, versionNo);
}
