/**
 * What every field of the open-data JSON means, and its unit: embedded in each JSON
 * download as `fields`, and written out for people in OPEN-DATA.md (a test checks that
 * the two and the YearDocument agree).
 *
 * The dictionary itself is fields.json (`fields`: the document's fields by path, arrays as
 * `[]`; `figures`: the keys of `figures`). Conventions: amounts are decimal strings in 万元
 * with two decimals ("426.81"), or null when not published; percentages are decimal strings
 * with two decimals ("84.59" = 84.59 %); `printed` is the figure as the published text prints
 * it, beside the computed `amount`.
 */
import docs from "./fields.json";

export type FieldDoc = { path: string; meaning: string; unit: string };

export const FIELD_DOCS: FieldDoc[] = docs.fields;

/** The keys of `figures` (printed figures of the document). */
export const FIGURE_DOCS: FieldDoc[] = docs.figures;
