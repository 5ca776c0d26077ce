/**
 * Zip-bomb guard for uploaded .xlsx files, run before ExcelJS sees them.
 *
 * Reads the zip's central directory straight from the buffer (End Of Central Directory record, then
 * one header per entry) and refuses when the declared inflated total is over a limit, an entry's
 * compression ratio is absurd, there are too many entries, or the declared sizes are inconsistent.
 * Declared sizes can lie, so every entry is then inflated one at a time with `maxOutputLength` set to
 * its declared size (node:zlib stops there): memory stays bounded by the limit, never by what the
 * deflate stream would produce. While a worksheet is inflated its `<row` elements are counted, so a
 * sheet with more rows than the caller allows is refused before any workbook is built.
 */
import zlib from "node:zlib";
import { fmt1, roundInt } from "@/lib/money";

/**
 * Sum of the declared uncompressed sizes of all entries. ExcelJS needs ≈ 6–7 MB of memory per
 * inflated MB (measured: 24 MB of sheet XML → +155 MB RSS, 37 MB → +244 MB), so 30 MB keeps even a
 * file that passes this guard and is refused later by the parser near 200 MB. The 20,000-row
 * indicator template inflates to 11.7 MB (0.9 MB zipped); 20,000 rows × 13 distinct 20-character
 * texts to 24 MB.
 */
export const MAX_INFLATED_BYTES = 30 * 1024 * 1024;
/** More entries than any workbook we accept needs. */
export const MAX_ZIP_ENTRIES = 2_000;
/** Deflate tops out near 1032:1; real spreadsheet parts stay far below this (the 20,000-row template: 28:1 at most). */
export const MAX_COMPRESSION_RATIO = 200;
/** Below this many inflated bytes an entry's ratio is not looked at (tiny repetitive parts compress well). */
const RATIO_MIN_BYTES = 1024 * 1024;

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

/** `corrupt`: the zip structure itself is unreadable (the caller words that, with its own hint). */
export type ZipGuardResult = { ok: true } | { ok: false; message: string } | { ok: false; corrupt: true };
const CORRUPT = { ok: false, corrupt: true } as const;

type Entry = { name: string; method: number; compressed: number; size: number; localOffset: number };

const mb = (n: number) => (n / 1024 / 1024 >= 10 ? String(roundInt(n / 1024 / 1024)) : fmt1(n / 1024 / 1024));

function tooLarge(size: number, limit: number): string {
  return `文件解压后过大（约 ${mb(size)} MB），超过 ${mb(limit)} MB 的上限，请删除无关内容或分批导入`;
}

const BROKEN = "文件结构异常（压缩包中记录的大小与内容不符），可能已损坏或被篡改，请在 Excel 中重新保存后再导入";

/** Finds the End Of Central Directory record (it ends the file, after at most a 64 KB comment). */
function findEocd(b: Buffer): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) if (b.readUInt32LE(i) === EOCD_SIG) return i;
  return -1;
}

function readEntries(b: Buffer): Entry[] | string | null {
  const eocd = findEocd(b);
  if (eocd < 0) return null;
  const count = b.readUInt16LE(eocd + 10);
  const cdSize = b.readUInt32LE(eocd + 12);
  const cdOffset = b.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return BROKEN; // zip64: no .xlsx under 5 MB needs it
  if (count > MAX_ZIP_ENTRIES) return `文件中包含的部件过多（${count} 个），超过 ${MAX_ZIP_ENTRIES} 个的上限，不是正常的 Excel 文件，请在 Excel 中重新保存后再导入`;
  if (cdOffset + cdSize > eocd) return null;
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || b.readUInt32LE(p) !== CEN_SIG) return null;
    const method = b.readUInt16LE(p + 10);
    const compressed = b.readUInt32LE(p + 20);
    const size = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const localOffset = b.readUInt32LE(p + 42);
    if (p + 46 + nameLen > eocd) return null;
    const name = b.toString("utf8", p + 46, p + 46 + nameLen);
    entries.push({ name, method, compressed, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Counts `<row ` / `<row>` / `<row/>` start tags (worksheet rows) in inflated sheet XML. */
export function countRows(xml: Buffer): number {
  let n = 0;
  let i = xml.indexOf("<row");
  while (i >= 0) {
    const c = xml[i + 4];
    if (c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d) n++;
    i = xml.indexOf("<row", i + 4);
  }
  return n;
}

/**
 * Checks an uploaded .xlsx (already known to start with a zip local header) before it is parsed.
 * `maxRows` (optional): the most `<row>` elements any worksheet may hold; `maxRowsMessage` is then
 * the refusal.
 */
export function guardXlsxZip(
  b: Buffer,
  opts: { maxRows?: number; maxRowsMessage?: string; maxInflatedBytes?: number } = {},
): ZipGuardResult {
  const limit = opts.maxInflatedBytes ?? MAX_INFLATED_BYTES;
  const entries = readEntries(b);
  if (entries === null) return CORRUPT;
  if (typeof entries === "string") return { ok: false, message: entries };

  let declared = 0;
  for (const e of entries) {
    if (e.compressed === 0xffffffff || e.size === 0xffffffff) return { ok: false, message: BROKEN };
    if (e.method !== 0 && e.method !== 8) return { ok: false, message: `文件使用了不支持的压缩方式，请在 Excel 中重新保存后再导入` };
    if (e.method === 0 && e.compressed !== e.size) return { ok: false, message: BROKEN };
    declared += e.size;
  }
  if (declared > limit) return { ok: false, message: tooLarge(declared, limit) };
  for (const e of entries) {
    if (e.size >= RATIO_MIN_BYTES && e.size > e.compressed * MAX_COMPRESSION_RATIO) {
      return { ok: false, message: `文件中的“${e.name}”压缩比异常（约 ${roundInt(e.size / Math.max(1, e.compressed))} 倍），疑似恶意构造的压缩包，请在 Excel 中重新保存后再导入` };
    }
  }

  // Declared sizes can lie: inflate each entry, never past its declared size, and compare.
  for (const e of entries) {
    const p = e.localOffset;
    if (p + 30 > b.length || b.readUInt32LE(p) !== LOC_SIG) return CORRUPT;
    const start = p + 30 + b.readUInt16LE(p + 26) + b.readUInt16LE(p + 28);
    if (start + e.compressed > b.length) return { ok: false, message: BROKEN };
    const raw = b.subarray(start, start + e.compressed);
    let data: Buffer;
    if (e.method === 0) data = raw;
    else {
      try {
        // One byte of headroom: a stream that yields more than declared fails the length check below.
        data = zlib.inflateRawSync(raw, { maxOutputLength: e.size + 1 });
      } catch (err) {
        // More output than declared (RangeError / ERR_BUFFER_TOO_LARGE) or not deflate data at all.
        const code = (err as { code?: string }).code;
        return err instanceof RangeError || code === "ERR_BUFFER_TOO_LARGE" ? { ok: false, message: BROKEN } : CORRUPT;
      }
    }
    if (data.length !== e.size) return { ok: false, message: BROKEN };
    if (opts.maxRows && /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name) && countRows(data) > opts.maxRows) {
      return { ok: false, message: opts.maxRowsMessage ?? "行数超过上限，请分批导入" };
    }
  }
  return { ok: true };
}
