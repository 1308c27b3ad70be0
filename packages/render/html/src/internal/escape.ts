/** Characters XML 1.0 and HTML forbid or that terminals misread: C0 controls but tab, LF, CR. */
const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

const entities: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }

/** Escapes text for HTML element content and quoted attribute values; drops control characters. */
export const escape = (s: string): string => {
  const clean = s.replace(control, "")
  return /[&<>"']/.test(clean) ? clean.replace(/[&<>"']/g, (c) => entities[c]!) : clean
}

/** A string usable as an HTML id: letters, digits, `-` and `_` only. */
export const idSafe = (s: string): string => s.replace(/[^A-Za-z0-9_-]/g, "-")
