/**
 * zod, as everything in this project imports it (eslint forbids importing "zod" directly).
 *
 * zod 4 compiles object parsers with `new Function` when it can; the pages' Content-Security-
 * Policy (scripts/lib/security-headers.ts) allows no eval, so the attempt would be reported as a
 * CSP violation in the browser. jitless parsing is as correct, and fast enough for our forms.
 */
import { z } from "zod";

z.config({ jitless: true });

export { z };
