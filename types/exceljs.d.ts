import type { DataValidation } from "exceljs";

declare module "exceljs" {
  interface Worksheet {
    /** Range validations ("A2:A20001"): exceljs keeps them here at run time, but its typings omit them. */
    readonly dataValidations: { add(address: string, validation: DataValidation): void };
  }
}
