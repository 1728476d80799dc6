// Strings that live as long as the objects holding them: names, keys, ids, event messages.
//   [STR1] `a + b` or a template of 13 characters or more is a V8 rope: a 32-byte cell pointing
//          at its parts, which stays beside the flat copy V8 makes the first time the string is
//          searched (indexOf, startsWith). join makes one flat string at once.
//   [STR2] a string that many objects repeat (a container's fieldPath, "Created container
//          nginx") is held once: the table below hands out a flat copy of the first it was
//          given. It forgets everything when full, so strings seen once cost nothing for long.
//          A rope is not flattened by being a Map key; a message built from five pieces keeps
//          its four 32-byte cells unless copied.

/** Returns the parts joined as one flat string. [STR1] */
export function joined(...parts: string[]): string {
  return parts.join('');
}

const MAX_INTERNED = 4096;
const interned = new Map<string, string>();

/** Returns the copy of s the table holds, holding s if it has none. [STR2] */
export function intern(s: string): string {
  const known = interned.get(s);
  if (known !== undefined) return known;
  if (interned.size >= MAX_INTERNED) interned.clear();
  const copy = flat(s);
  interned.set(copy, copy);
  return copy;
}

/** Returns s as one flat string: V8 copies a rope's characters when it splits it. [STR1] */
function flat(s: string): string {
  return s.split('\u0000').join('\u0000');
}
