/**
 * Marks the continuation of long tables in the printed year document (续表), as official
 * documents print them. Chromium repeats a table's <thead> on every page it runs onto but cannot
 * say that the table continues, so before printing the PDF each table taller than a page is cut
 * into page-sized parts: the first part starts a page, every later part starts the next page
 * under the caption "（续表）" and the column headings, and the 合计 (<tfoot>) ends the last part.
 * Parts share the original column widths (fixed layout), so the columns line up across pages.
 * A table that fits on a page is kept whole (moved to the next page rather than broken), so that
 * only tables longer than a page ever continue — and each continuation is marked.
 *
 * `continueLongTables` runs inside the page (page.evaluate): it must not use anything from its
 * module. Heights are measured in print media at the printed width (pdf.ts sets the viewport to
 * the A4 content box first), with a margin for rounding; a part never holds more than fits.
 */
export const CONTINUED_SUFFIX = "（续表）";

/** Splits every table taller than `pageHeight` CSS px; returns how many tables were split. */
export function continueLongTables(args: { pageHeight: number; suffix: string }): number {
  const limit = args.pageHeight * 0.92;
  let split = 0;
  for (const table of Array.from(document.querySelectorAll<HTMLTableElement>("main table"))) {
    if (table.getBoundingClientRect().height <= limit) {
      table.style.breakInside = "avoid";
      continue;
    }
    if (table.tBodies.length !== 1) continue;
    const body = table.tBodies[0]!;
    const rows = Array.from(body.rows);
    const head = table.tHead;
    const foot = table.tFoot;
    const caption = table.caption;
    const headHeight = head ? head.getBoundingClientRect().height : 0;
    const captionHeight = caption ? caption.getBoundingClientRect().height : 0;
    const footHeight = foot ? foot.getBoundingClientRect().height : 0;

    const parts: HTMLTableRowElement[][] = [];
    let current: HTMLTableRowElement[] = [];
    let used = captionHeight + headHeight;
    for (const row of rows) {
      const h = row.getBoundingClientRect().height;
      if (current.length > 0 && used + h > limit) {
        parts.push(current);
        current = [];
        used = captionHeight + headHeight;
      }
      current.push(row);
      used += h;
    }
    // The 合计 goes with the last rows; when it does not fit under them, the last row moves with it.
    if (foot && current.length > 1 && used + footHeight > limit) parts.push(current.splice(0, current.length - 1));
    parts.push(current);
    if (parts.length < 2) continue;

    // Freeze the column widths of the whole table so that every part lines up with the first.
    const widest = rows.reduce((a, r) => (r.cells.length > a.cells.length ? r : a), rows[0]!);
    const widths = Array.from(widest.cells).map((c) => c.getBoundingClientRect().width);
    const tableWidth = table.getBoundingClientRect().width;
    const freeze = (t: HTMLTableElement) => {
      t.style.tableLayout = "fixed";
      t.style.width = `${tableWidth}px`;
      const cols = document.createElement("colgroup");
      for (const w of widths) {
        const col = document.createElement("col");
        col.style.width = `${w}px`;
        cols.append(col);
      }
      t.insertBefore(cols, t.tHead ?? t.tBodies[0] ?? null);
    };

    // Each part in a copy of the table's wrapper (the scroll region), so it keeps the page's styles.
    const wrapper = table.parentElement && table.parentElement.childElementCount === 1 ? table.parentElement : null;
    let anchor: Element = wrapper ?? table;
    (anchor as HTMLElement).style.breakBefore = "page";
    for (let i = 1; i < parts.length; i++) {
      const part = table.cloneNode(false) as HTMLTableElement;
      part.removeAttribute("id");
      part.setAttribute("data-continued", String(i));
      const cap = document.createElement("caption");
      cap.textContent = `${caption?.textContent ?? ""}${args.suffix}`;
      part.append(cap);
      if (head) part.append(head.cloneNode(true));
      const tbody = document.createElement("tbody");
      tbody.append(...parts[i]!);
      part.append(tbody);
      if (foot && i === parts.length - 1) part.append(foot);
      freeze(part);
      let box: Element = part;
      if (wrapper) {
        box = wrapper.cloneNode(false) as Element;
        box.removeAttribute("id");
        box.removeAttribute("aria-labelledby");
        box.append(part);
      }
      (box as HTMLElement).style.breakBefore = "page";
      anchor.after(box);
      anchor = box;
    }
    freeze(table);
    split++;
  }
  return split;
}
