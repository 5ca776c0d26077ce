/**
 * The one shape of a server action's handler, given the actor (null = anonymous):
 *   1. the permission (checkPermission: not signed in / forbidden),
 *   2. each argument checked in order — an id, a version, a year, a flag, the form's input parsed
 *      with its shared zod schema — the first that fails is the answer, with its Chinese message,
 *   3. the mutation, with the checked values.
 * `handler("department.manage", arg.id(BAD_ID), arg.input(updateDepartmentSchema))(updateDepartment)`
 * is `(prisma, actor, id: unknown, input: unknown) => Promise<ActionResult<…>>`: integration tests
 * call it for every role without HTTP, the "use server" wrapper in actions.ts adds the session.
 */
import { checkPermission } from "@/features/auth/guard";
import { BAD_VERSION, invalid, type ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/actor";
import type { PrismaClient } from "@/lib/db-client";
import { FISCAL_YEAR_MESSAGE, isFiscalYear } from "@/lib/fiscal-year";
import type { Permission } from "@/lib/permissions";
import type { z } from "@/lib/zod";

export type ArgCheck<T> = (value: unknown) => { ok: true; value: T } | { ok: false; refusal: ActionResult<never> };

const BAD_YEAR: ActionResult<never> = { ok: false, reason: "invalid", message: FISCAL_YEAR_MESSAGE };

/** An argument check from a type guard and the refusal when it fails. */
function that<T>(guard: (value: unknown) => value is T, refusal: ActionResult<never>): ArgCheck<T> {
  return (value) => (guard(value) ? { ok: true, value } : { ok: false, refusal });
}

const isId = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 64;

export const arg = {
  that,
  /** A row's id: a non-empty string of at most 64 characters; else `refusal` (the feature's "not found"). */
  id: (refusal: ActionResult<never>) => that(isId, refusal),
  /** The version the form was read at: a positive whole number. */
  version: that((v): v is number => typeof v === "number" && Number.isInteger(v) && v > 0, BAD_VERSION),
  /** A fiscal year in the accepted range (lib/fiscal-year.ts). */
  year: that(isFiscalYear, BAD_YEAR),
  /** Passed on as it is: the mutation checks it itself (e.g. against rows it reads under its lock). */
  unchecked: ((value: unknown) => ({ ok: true, value })) as ArgCheck<unknown>,
  /** true or false; else `refusal`. */
  flag: (refusal: ActionResult<never>) => that((v): v is boolean => typeof v === "boolean", refusal),
  /** The form's input, parsed with its shared schema; a failure lists each field's message under `message` (default: the generic one). */
  input<S extends z.ZodType>(schema: S, message?: string | ((error: z.ZodError) => string | undefined)): ArgCheck<z.output<S>> & { declares?: z.input<S> } {
    return (value) => {
      const parsed = schema.safeParse(value);
      if (parsed.success) return { ok: true, value: parsed.data };
      return { ok: false, refusal: invalid(parsed.error, typeof message === "function" ? message(parsed.error) : message) };
    };
  },
};

type Values<C extends readonly ArgCheck<unknown>[]> = { -readonly [K in keyof C]: C[K] extends ArgCheck<infer T> ? T : never };
/** What a well-behaved caller passes for each check: the checked type (a form's input: the schema's input type). */
type Declared<C extends readonly ArgCheck<unknown>[]> = { -readonly [K in keyof C]: C[K] extends ArgCheck<infer T> ? (C[K] extends { declares?: infer D } ? D : T) : never };
declare const DECLARED: unique symbol;
/**
 * A handler built by `handler`: it takes `unknown` arguments (a server action is a public endpoint;
 * every argument is checked), and records what its callers should pass (`DECLARED`, types only) so
 * that `serverAction` gives the client a typed function.
 */
export type CheckedHandler<A extends unknown[], S> = ((prisma: PrismaClient, actor: Actor | null, ...args: { [K in keyof A]: unknown }) => Promise<ActionResult<S>>) & { readonly [DECLARED]: A };

export function handler<const C extends readonly ArgCheck<unknown>[]>(permission: Permission, ...checks: C) {
  return <S extends object>(
    run: (prisma: PrismaClient, actor: Actor, ...values: Values<C>) => Promise<ActionResult<S>>,
  ): CheckedHandler<Declared<C>, S> => {
    const checkedHandler = async (prisma: PrismaClient, actor: Actor | null, ...args: unknown[]): Promise<ActionResult<S>> => {
      const auth = checkPermission(actor, permission);
      if ("refusal" in auth) return auth.refusal;
      const values: unknown[] = [];
      for (const [i, check] of checks.entries()) {
        const checked = check(args[i]);
        if (!checked.ok) return checked.refusal;
        values.push(checked.value);
      }
      return run(prisma, auth.actor, ...(values as Values<C>));
    };
    // DECLARED exists in the type only: it carries what callers should pass to serverAction.
    return checkedHandler as CheckedHandler<Declared<C>, S>;
  };
}
