import { decode, encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { databaseForFile, type TestDatabase } from "@/tests/integration/db";
import { authenticate, hashPassword } from "./authenticate";
import { currentAccount, endSessions } from "./session-version";

const SECRET = "integration-test-secret-0123456789";
const t = databaseForFile();

beforeAll(async () => {
  await t.prisma.user.create({ data: { username: "sam", name: "萨姆", role: "REVIEWER", passwordHash: await hashPassword("Correct#Pass1") } });
});

/** Signs in and returns the session cookie's value, as the browser would hold it. */
async function signInCookie(prisma: TestDatabase["prisma"], username: string, password: string) {
  const r = await authenticate(prisma, { username, password });
  if (!r.ok) throw new Error(r.message);
  return encode({ secret: SECRET, token: { uid: r.user.id, role: r.user.role, departmentId: r.user.departmentId, sv: r.user.sessionVersion, name: r.user.name } });
}

/** What the server makes of a replayed cookie: the account, or null when refused. */
async function replay(cookie: string) {
  // next-auth treats a cookie it cannot decrypt as no session.
  const token = await decode({ secret: SECRET, token: cookie }).catch(() => null);
  return currentAccount(t.prisma, token as { uid?: string; sv?: number } | null);
}

describe("session version (real PostgreSQL)", () => {
  it("accepts a fresh cookie, refuses it after sign-out, and a new sign-in works", async () => {
    const cookie = await signInCookie(t.prisma, "sam", "Correct#Pass1");
    expect((await replay(cookie))?.username).toBe("sam");
    const user = await t.prisma.user.findUniqueOrThrow({ where: { username: "sam" } });
    await endSessions(t.prisma, user.id); // the sign-out event
    expect(await replay(cookie)).toBeNull();
    const again = await signInCookie(t.prisma, "sam", "Correct#Pass1");
    expect((await replay(again))?.username).toBe("sam");
  });

  it("refuses a token without a version (issued before versions existed) or forged for another account", async () => {
    const user = await t.prisma.user.findUniqueOrThrow({ where: { username: "sam" } });
    expect(await replay(await encode({ secret: SECRET, token: { uid: user.id } as never }))).toBeNull();
    expect(await replay(await encode({ secret: SECRET, token: { uid: "nobody", sv: 0 } as never }))).toBeNull();
    expect(await replay(await encode({ secret: "another-secret-0123456789abcdef", token: { uid: user.id, sv: user.sessionVersion } as never }))).toBeNull();
  });
});
