/**
 * Server-side errors, logged with the reference the Chinese error page shows (app/error.tsx:
 * React's digest of the error), so an administrator can find the details a user reports.
 */
import type { Instrumentation } from "next";

export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const digest = (error as { digest?: unknown }).digest;
  const e = error as Error;
  console.error(
    `[error] ref=${typeof digest === "string" ? digest : "-"} ${request.method} ${request.path} (${context.routeType} ${context.routePath}):`,
    e?.stack ?? e,
  );
};
