/**
 * The workbook functions that grow with the number of rows, as the server calls them: in a worker
 * process with its own heap limit when the input is large (lib/isolated.ts), in the server's
 * process otherwise. A 20,000-row import needs ≈ 150–250 MB of heap while exceljs holds the
 * workbook; run in the server it would need the server's heap to be that much larger for everyone.
 */
import { IsolatedTaskError, isLargeUpload, OFFLOAD_ROWS, offloaded } from "@/lib/isolated";
import { fileError, type ImportError } from "./cells";
import { parseNationalSelfEvaluation } from "./national";
import { parseIndicatorWorkbook } from "./parser";
import { buildSelfEvaluationWorkbook } from "./self-evaluation";
import { buildIndicatorTemplate } from "./template";


const HERE = "features/indicators/excel";

export const parseIndicatorWorkbookOffloaded = offloaded(
  parseIndicatorWorkbook,
  { module: `${HERE}/parser.ts`, name: "parseIndicatorWorkbook" },
  isLargeUpload,
);

export const parseNationalSelfEvaluationOffloaded = offloaded(
  parseNationalSelfEvaluation,
  { module: `${HERE}/national.ts`, name: "parseNationalSelfEvaluation" },
  isLargeUpload,
);

export const buildSelfEvaluationWorkbookOffloaded = offloaded(
  buildSelfEvaluationWorkbook,
  { module: `${HERE}/self-evaluation.ts`, name: "buildSelfEvaluationWorkbook" },
  (project) => project.indicators.length > OFFLOAD_ROWS,
);

export const buildIndicatorTemplateOffloaded = offloaded(
  buildIndicatorTemplate,
  { module: `${HERE}/template.ts`, name: "buildIndicatorTemplate" },
  (_framework, opts = {}) => (opts.rows?.length ?? 0) > OFFLOAD_ROWS,
);

/** A worker process that ran out of memory or time, as the import's one file-level error (anything else is rethrown). */
export function workerFailureAsImportError(e: unknown): { ok: false; errors: ImportError[] } {
  if (e instanceof IsolatedTaskError) return { ok: false, errors: [fileError(e.message)] };
  throw e;
}
