// Quad classes, their order in stacks and their colours. The store keeps
// whatever string the coder wrote, so names are normalised loosely:
// "MATERIAL_CONFLICT", "material conflict" and PLOVER's numeric 4 all map
// to the same class.

// value is the string dateline's coder stores (internal/plover), which
// the API's quad filter matches.
export const QUADS = [
  { key: "vcoop", name: "Verbal cooperation", color: "#7cb342", value: "verbal cooperation" },
  { key: "mcoop", name: "Material cooperation", color: "#2e7d32", value: "material cooperation" },
  { key: "vconf", name: "Verbal conflict", color: "#f4a025", value: "verbal conflict" },
  { key: "mconf", name: "Material conflict", color: "#c62828", value: "material conflict" },
  { key: "other", name: "Other / neutral", color: "#90a4ae" },
];

const BY_KEY = Object.fromEntries(QUADS.map((q) => [q.key, q]));

export function quadKey(raw) {
  const s = String(raw || "").toLowerCase();
  if (s === "1") return "vcoop";
  if (s === "2") return "mcoop";
  if (s === "3") return "vconf";
  if (s === "4") return "mconf";
  const verbal = s.includes("verb");
  const material = s.includes("mat");
  const coop = s.includes("coop");
  const conf = s.includes("conf");
  if (verbal && coop) return "vcoop";
  if (material && coop) return "mcoop";
  if (verbal && conf) return "vconf";
  if (material && conf) return "mconf";
  return "other";
}

export function quadColor(raw) {
  return BY_KEY[quadKey(raw)].color;
}

export function quadInfo(key) {
  return BY_KEY[key] || BY_KEY.other;
}
