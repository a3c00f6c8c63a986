// Links to a document keep the dashboard's filters in their URL, so that
// "Back" returns to the same view; the href still works for a new tab.

import { h } from "./dom.js";
import { formatHash, docState } from "./state.js";

// docLink links to document id; with eventID, the document view scrolls
// to that event's trigger and highlights it.
export function docLink(app, id, title, eventID, cls) {
  const st = docState(app.store.state, id, eventID);
  return h("a", {
    href: formatHash(st), title: id || "", class: cls || null,
    onclick: (e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      app.store.openDoc(id || "", eventID);
    },
  }, title || id || "document");
}
