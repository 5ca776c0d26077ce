/** The Word export's font table: east-Asian faces with their Chinese names and fallback hints. */
import JSZip from "jszip";

// ───────────────────────────── font table ─────────────────────────────

// Chinese name, PANOSE-1 and pitch/family of each east-Asian face (charset 86 = GB2312).
const FONT_TABLE: Record<string, { alt: string; panose: string; family: string; pitch: string }> = {
  SimSun: { alt: "宋体", panose: "02010600030101010101", family: "auto", pitch: "variable" },
  FangSong: { alt: "仿宋", panose: "02010609060101010101", family: "modern", pitch: "fixed" },
  SimHei: { alt: "黑体", panose: "02010609060101010101", family: "modern", pitch: "fixed" },
  KaiTi: { alt: "楷体", panose: "02010609060101010101", family: "modern", pitch: "fixed" },
};

/** Adds the east-Asian fonts, with their fallback hints, to word/fontTable.xml. */
export async function withFontFallbacks(packed: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(packed);
  const file = zip.file("word/fontTable.xml");
  if (!file) return packed;
  let xml = await file.async("string");
  const entries = Object.entries(FONT_TABLE)
    .filter(([name]) => !xml.includes(`w:name="${name}"`))
    .map(
      ([name, f]) =>
        `<w:font w:name="${name}"><w:altName w:val="${f.alt}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
    )
    .join("");
  xml = xml.includes("</w:fonts>") ? xml.replace("</w:fonts>", `${entries}</w:fonts>`) : xml.replace(/<w:fonts([^>]*?)\s*\/>/, `<w:fonts$1>${entries}</w:fonts>`);
  zip.file("word/fontTable.xml", xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
