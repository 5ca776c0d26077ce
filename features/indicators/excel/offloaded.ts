/**
 * The workbook functions that grow with the number of rows, as the server calls them: in a worker
 * process with its own heap limit when the input is large (lib/isolated.ts), in the server's
 * process otherwise. A 20,000-row import needs ≈ 150–250 MB of heap while exceljs holds the
 * workbook; run in the server it would need the server's heap to be that much larger for everyone.
 */
import { type IsolatedTarget, type IsolatedTaskError, isLargeUpload, OFFLOAD_ROWS, offloaded } from "@/lib/isolated";
import { fileError, type ImportError } from "./cells";
import { parseNationalSelfEvaluation } from "./national";
import { parseIndicatorWorkbook } from "./parser";
import { buildSelfEvaluationWorkbook } from "./self-evaluation";
import { buildIndicatorTemplate } from "./template";

const HERE = "features/indicators/excel";

/** An upload's parser: in a worker when the file is large; a worker that fails is the file's one error. */
export function offloadedUploadParser<A extends [{ byteLength: number }, ...unknown[]], R>(fn: (...args: A) => Promise<R>, target: IsolatedTarget) {
  return offloaded<A, R | ImportFailure>(fn, target, (...args: A) => isLargeUpload(args[0]), workerFailureAsImportError);
}

export const parseIndicatorWorkbookOffloaded = offloadedUploadParser(parseIndicatorWorkbook, { module: `${HERE}/parser.ts`, name: "parseIndicatorWorkbook" });

export const parseNationalSelfEvaluationOffloaded = offloadedUploadParser(parseNationalSelfEvaluation, { module: `${HERE}/national.ts`, name: "parseNationalSelfEvaluation" });

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

type ImportFailure = { ok: false; errors: ImportError[] };

/** A worker process that ran out of memory or time (or was refused as busy), as the import's one file-level error. */
function workerFailureAsImportError(e: IsolatedTaskError): ImportFailure {
  return { ok: false, errors: [fileError(e.message)] };
}
