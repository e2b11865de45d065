// Offsets: the server counts Unicode code points, the browser's strings count UTF-16 units.
// Every conversion between the two happens here, at the boundary.

function isHigh(c) { return c >= 0xd800 && c <= 0xdbff; }
function isLow(c) { return c >= 0xdc00 && c <= 0xdfff; }

/** Code points in s. */
export function cpCount(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (isHigh(s.charCodeAt(i)) && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) i++;
    n++;
  }
  return n;
}

/** The code-point offset of UTF-16 offset u in s. */
export function utf16ToCp(s, u) { return cpCount(s.slice(0, u)); }

/** The UTF-16 offset of code-point offset cp in s. */
export function cpToUtf16(s, cp) {
  let i = 0;
  for (let n = 0; n < cp && i < s.length; n++) {
    i += isHigh(s.charCodeAt(i)) && i + 1 < s.length && isLow(s.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}
