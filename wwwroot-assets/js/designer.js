// Designer page helpers: keyboard shortcuts, palette drag data, file download.
// Keys are caught here (not in Blazor) so the browser's own Ctrl+A / Ctrl+Z / arrow scrolling can be
// prevented only for the keys the designer uses, and never while the user types in a field.

let handler = null;
let dragHandler = null;

const shortcuts = [
  { test: e => e.key === "Delete" || e.key === "Backspace", action: "delete" },
  { test: e => (e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === "z", action: "undo" },
  { test: e => (e.ctrlKey || e.metaKey) && (e.key.toLowerCase() === "y" || (e.shiftKey && e.key.toLowerCase() === "z")), action: "redo" },
  { test: e => (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "c", action: "copy" },
  { test: e => (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "v", action: "paste" },
  { test: e => (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "a", action: "selectAll" },
  { test: e => (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s", action: "save" },
  { test: e => !e.ctrlKey && !e.metaKey && !e.altKey && e.key.toLowerCase() === "f", action: "fit" },
  { test: e => e.key === "?", action: "help" },
  { test: e => e.key === "ArrowLeft", action: e => e.shiftKey ? "nudge:-50:0" : "nudge:-10:0" },
  { test: e => e.key === "ArrowRight", action: e => e.shiftKey ? "nudge:50:0" : "nudge:10:0" },
  { test: e => e.key === "ArrowUp", action: e => e.shiftKey ? "nudge:0:-50" : "nudge:0:-10" },
  { test: e => e.key === "ArrowDown", action: e => e.shiftKey ? "nudge:0:50" : "nudge:0:10" },
];

function isTyping(target) {
  if (!target || !(target instanceof Element)) return false;
  return target.closest("input, textarea, select, [contenteditable=true], .mud-dialog, .mud-popover") !== null;
}

export function init(dotNet) {
  dispose();
  handler = e => {
    if (isTyping(e.target) || document.querySelector(".mud-dialog-container")) return;
    const match = shortcuts.find(s => s.test(e));
    if (!match) return;
    e.preventDefault();
    const action = typeof match.action === "function" ? match.action(e) : match.action;
    dotNet.invokeMethodAsync("OnShortcut", action);
  };
  document.addEventListener("keydown", handler);

  // Firefox starts an HTML5 drag only when data is set; the type itself travels through the server.
  dragHandler = e => {
    const item = e.target instanceof Element ? e.target.closest("[data-palette-type]") : null;
    if (item && e.dataTransfer) {
      e.dataTransfer.effectAllowed = "copy";
      e.dataTransfer.setData("text/plain", item.getAttribute("data-palette-type"));
    }
  };
  document.addEventListener("dragstart", dragHandler);
}

export function dispose() {
  if (handler) document.removeEventListener("keydown", handler);
  if (dragHandler) document.removeEventListener("dragstart", dragHandler);
  handler = null;
  dragHandler = null;
}

export function download(fileName, text) {
  const blob = new Blob([text], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function read(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

export function write(key, value) {
  try { localStorage.setItem(key, value); return true; } catch { return false; }
}

export function remove(key) {
  try { localStorage.removeItem(key); } catch { /* storage disabled: nothing to remove */ }
}
