/**
 * The uploaded file of a server action's FormData argument. A request made up by hand can
 * pass anything in its place; `.get` on it would throw (a 500) — null lets the handler refuse.
 */
export function formFile(form: unknown, name = "file"): FormDataEntryValue | null {
  return form instanceof FormData ? form.get(name) : null;
}
