type Keys = { ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean; key: string; preventDefault(): void };

/**
 * Ctrl+S / ⌘S saves the form instead of opening the browser's 另存为 (not with Alt or Shift,
 * which other shortcuts use). Returns the key handler for a form's `onKeyDown` or the window.
 */
export function onSaveShortcut(save: () => void) {
  return (e: Keys) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "s") {
      e.preventDefault();
      save();
    }
  };
}
