import { execSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";

test("公开首页无需登录，列出已公开的部门和年度", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("部门决算与预算绩效信息公开");
  await expect(page.getByRole("heading", { name: "中共广元市委机构编制委员会办公室" })).toBeVisible();
  await expect(page.getByRole("list", { name: "市委编办已公开年度" }).getByRole("link", { name: /^2020年度 · \d+ 项公开信息$/ })).toHaveAttribute("href", "/portal/gy-swbb/2020/catalog");
});

test("健康检查报告数据库连通", async ({ request }) => {
  const r = await request.get("/api/health");
  expect(r.status()).toBe(200);
  const body = await r.json();
  expect(body.status).toBe("ok");
  expect(body.database.status).toBe("ok");
  expect(body.database.migrations).toBeGreaterThan(0);
});

test("中文页面截图：必须装有中文字体，文字不能是方框", async ({ page }) => {
  // Text assertions pass even when every glyph is a box: insist on a CJK font.
  const cjkFonts = execSync("fc-list :lang=zh family", { encoding: "utf8" }).trim();
  expect(cjkFonts, "未安装中文字体（fc-list :lang=zh 为空）：运行 scripts/ensure-browser.sh").not.toBe("");

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Ask Chromium which platform fonts it actually used to draw the heading's glyphs.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument");
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "h1" });
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
  const cjkGlyphs = fonts.filter((f) => /CJK|Hei|Song|YaHei|PingFang|Source Han|WenQuanYi/i.test(f.familyName)).reduce((n, f) => n + f.glyphCount, 0);
  expect(cjkGlyphs, `标题使用的字体：${fonts.map((f) => f.familyName).join(", ")}`).toBe("部门决算与预算绩效信息公开".length);
  mkdirSync("tests/e2e/.artifacts", { recursive: true });
  await page.screenshot({ path: "tests/e2e/.artifacts/home.png", fullPage: true });
  await page.goto("/login");
  await page.screenshot({ path: "tests/e2e/.artifacts/login.png", fullPage: true });
});
