import type { DataValidation, Workbook, XlsxReadOptions } from "exceljs";

declare module "exceljs" {
  interface Worksheet {
    /** Range validations ("A2:A20001"): exceljs keeps them here at run time, but its typings omit them. */
    readonly dataValidations: { add(address: string, validation: DataValidation): void };
  }
  interface Xlsx {
    /**
     * Any Node `Buffer` loads (exceljs hands the bytes to JSZip); its typings name a
     * `Buffer` over an `ArrayBuffer` only, which a Buffer from Node's pooled allocations is not.
     */
    load(buffer: Buffer<ArrayBufferLike>, options?: Partial<XlsxReadOptions>): Promise<Workbook>;
  }
}
