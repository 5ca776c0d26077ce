/**
 * Spaces between two Chinese characters are an artefact of printing (justified titles,
 * PDF extraction: "自评报   告"); the published text keeps them as printed, but names read
 * by screen readers and search use the squeezed form.
 */
export function squeezeCjkSpaces(text: string): string {
  return text.replace(/(?<=[\p{Script=Han}，。；：、（）])\s+(?=[\p{Script=Han}，。；：、（）])/gu, "").trim();
}
