/**
 * The one-line outcome of an action under a form: announced politely when it worked
 * (role="status"), at once when it did not (role="alert").
 */
export type ActionMessageState = { ok: boolean; text: string } | null;

export function ActionMessage({ message, className = "" }: { message: ActionMessageState; className?: string }) {
  if (!message) return null;
  return (
    <p role={message.ok ? "status" : "alert"} className={`${className} ${message.ok ? "text-green-800" : "text-red-700"}`.trim()}>
      {message.text}
    </p>
  );
}
