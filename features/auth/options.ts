import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { errorReference } from "@/lib/error-reference";
import { safeRedirect } from "@/lib/safe-redirect";
import { authenticate } from "./authenticate";
import { clientAddress } from "./client-address";
import { currentAccount, endSessions } from "./session-version";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  // JWT sessions: no server-side session store, so any instance can serve any user.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  secret: process.env.NEXTAUTH_SECRET,
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "账号密码",
      credentials: {
        username: { label: "用户名", type: "text" },
        password: { label: "密码", type: "password" },
      },
      async authorize(credentials, req) {
        env(); // fail with a clear message on a misconfigured server
        let result: Awaited<ReturnType<typeof authenticate>>;
        try {
          result = await authenticate(db(), credentials, { address: clientAddress(req?.headers) });
        } catch (e) {
          // Never the database's own text (it names hosts and ports): logged here, a reference for the user.
          const ref = errorReference();
          console.error(`[sign-in] ref=${ref}`, e);
          throw new Error(`暂时无法登录：服务暂时不可用，请稍后再试（参考编号 ${ref}）`);
        }
        // next-auth passes a thrown message back to signIn() as `error`.
        if (!result.ok) throw new Error(result.message);
        return result.user;
      },
    }),
  ],
  events: {
    // Signing out ends every session of the account, so a copied cookie dies too.
    async signOut({ token }) {
      if (token?.uid) await endSessions(db(), token.uid);
    },
  },
  callbacks: {
    // After sign-in or sign-out, only ever a path of this site (`callbackUrl=/\\evil.example` leads nowhere else).
    redirect({ url, baseUrl }) {
      return safeRedirect(url, baseUrl);
    },
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.departmentId = user.departmentId;
        token.sv = user.sessionVersion;
        return token;
      }
      // Every later request: a token older than the account's session version (signed
      // out, password changed or reset, deactivated) is emptied, which signs it out.
      let account: Awaited<ReturnType<typeof currentAccount>>;
      try {
        account = await currentAccount(db(), token);
      } catch (e) {
        // The database is unreachable: next-auth would take a throw here for "no session" and
        // clear the cookie, signing everyone out during an outage. The token stays as it is;
        // the page or action re-reads the account itself (session.ts) and fails there, which
        // the server answers with 503 (scripts/lib/outage.ts).
        console.error("[session] account check failed, session kept:", e instanceof Error ? e.message : e);
        return token;
      }
      if (!account) return {} as typeof token;
      token.role = account.role;
      token.departmentId = account.departmentId;
      return token;
    },
    session({ session, token }) {
      if (!token.uid) return { expires: session.expires } as typeof session;
      session.user = {
        id: token.uid,
        name: token.name ?? "",
        role: token.role,
        departmentId: token.departmentId,
        sessionVersion: token.sv,
      };
      return session;
    },
  },
};
