// Offsets in dateline's records are BYTE offsets into the UTF-8 text, but
// JavaScript strings are indexed in UTF-16 code units. byteIndex builds the
// conversion once per text so every span can be mapped in O(1).

// byteIndex returns a function mapping a byte offset in the UTF-8 encoding
// of text to the UTF-16 index of the character that starts there. Offsets
// inside a multi-byte character map to that character's start; offsets
// past the end clamp to text.length.
export function byteIndex(text) {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) { ascii = false; break; }
  }
  if (ascii) {
    return (b) => Math.max(0, Math.min(text.length, b | 0));
  }
  const map = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i);
    const units = cp > 0xffff ? 2 : 1;
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < bytes; k++) map.push(i);
    i += units;
  }
  map.push(text.length);
  const max = map.length - 1;
  return (b) => map[Math.max(0, Math.min(max, b | 0))];
}

// utf8Length is the byte length of s's UTF-8 encoding.
export function utf8Length(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}
