// Text measures shared by every record and editor. Pure: no DOM, no storage, and it imports no
// other domain module (every record schema depends on it, so it must stay a leaf).

/** Text length in user-perceived characters (so an emoji counts once). */
export function textLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function tooLongMessage(field: string, max: number): string {
  return `${field} is limited to ${max.toLocaleString()} characters.`;
}

/** Caps a value echoed in a message (an unknown field name, a table name) so a hostile file cannot flood the screen. */
export const echoMax = 80;

/** The text, cut to `max` user-perceived characters with an ellipsis when longer. */
export function capText(s: string, max: number = echoMax): string {
  // Walk only as far as needed: a 5 MB name must not be split into code points whole.
  let n = 0;
  let end = 0;
  for (const ch of s) {
    if (n === max) return `${s.slice(0, end)}…`;
    n++;
    end += ch.length;
  }
  return s;
}

/** "1 dot", "3 dots": a count with its noun in the right number (`many` for irregular plurals). */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}
