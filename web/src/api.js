// api is the app's only door to the server: same-origin JSON GETs under
// /api. Responses are unwrapped tolerantly (a bare array or an object
// holding the rows) so that small changes in the envelope do not blank
// the views.

export async function getJSON(path, params) {
  const url = new URL(path, window.location.origin);
  if (params) {
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined || v === null || v === "") continue;
      if (Array.isArray(v)) v.forEach((x) => url.searchParams.append(k, x));
      else url.searchParams.set(k, String(v));
    }
  }
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  if (!res.ok) {
    let msg = res.status + " " + res.statusText;
    try {
      const body = await res.json();
      if (body && body.error) msg = typeof body.error === "string" ? body.error : JSON.stringify(body.error);
    } catch (_) { /* not JSON */ }
    throw new Error(path + ": " + msg);
  }
  return res.json();
}

// rows pulls the list out of a response: the array itself, or the first
// array-valued field among the usual names.
export function rows(body, ...names) {
  if (Array.isArray(body)) return body;
  if (!body || typeof body !== "object") return [];
  for (const n of [...names, "items", "data", "rows", "results"]) {
    if (Array.isArray(body[n])) return body[n];
  }
  for (const v of Object.values(body)) if (Array.isArray(v)) return v;
  return [];
}

// nextCursor finds the next-page cursor in a paged response.
export function nextCursor(body) {
  if (!body || Array.isArray(body)) return "";
  return body.next || body.next_cursor || body.cursor || "";
}
