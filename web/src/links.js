// Links to a document keep the dashboard's filters in their URL, so that
// "Back" returns to the same view; the href still works for a new tab.

import { h } from "./dom.js";
import { formatHash } from "./state.js";

export function docLink(app, id, title) {
  const st = { ...app.store.state, view: "doc", doc: id || "" };
  return h("a", {
    href: formatHash(st), title: id || "",
    onclick: (e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      app.store.openDoc(id || "");
    },
  }, title || id || "document");
}
