/** HTTP headers for file downloads. */

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * `Content-Disposition` for a download with a Chinese file name (RFC 6266 / RFC 5987):
 * `attachment; filename*=UTF-8''<percent-encoded name>`. Characters Windows forbids in file names
 * are replaced by "_".
 */
export function attachmentDisposition(filename: string): string {
  const safe = filename.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_");
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename*=UTF-8''${encoded}`;
}
