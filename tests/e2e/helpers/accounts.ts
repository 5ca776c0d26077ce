import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { DEMO_ACCOUNTS, type DemoAccount } from "../../../prisma/seed/accounts";

export function account(role: DemoAccount["role"]): DemoAccount {
  const a = DEMO_ACCOUNTS.find((x) => x.role === role);
  if (!a) throw new Error(`no demo account for ${role}`);
  return a;
}

/** Signs in through the real form, as a person would. */
export async function signInWithForm(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** Programmatic sign-in (next-auth's credentials callback), for tests about other things. */
export async function signInAs(page: Page, role: DemoAccount["role"]) {
  const a = account(role);
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const r = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username: a.username, password: a.password, json: "true" },
  });
  expect(r.ok()).toBeTruthy();
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session?.user?.role).toBe(role);
  return a;
}

/** Signs in through the form and waits until the workspace is shown. */
export async function signIn(page: Page, username: string, password: string) {
  await signInWithForm(page, username, password);
  await page.waitForURL(/\/dashboard$/);
}
