// Finds the text of each element of a submission's top-level `payload` list, so each listen can be kept
// exactly as it was sent. Reads text JSON.parse has already accepted: it only finds boundaries.

/**
 * The elements of the top-level object's `payload` array, as they stand in `text` (the last `payload`
 * key, as JSON.parse takes it); null when the key is spelled with escapes or is not there.
 */
export function payloadElementTexts(text: string): string[] | null {
  let i = skipSpace(text, 0);
  if (text[i] !== '{') return null;
  i = skipSpace(text, i + 1);
  let elements: string[] | null = null;
  while (text[i] === '"') {
    const keyEnd = stringEnd(text, i);
    const raw = text.slice(i + 1, keyEnd - 1);
    i = skipSpace(text, keyEnd);
    if (text[i] !== ':') return null;
    i = skipSpace(text, i + 1);
    if (raw === 'payload' && text[i] === '[') {
      const read = arrayElements(text, i);
      if (read === null) return null;
      elements = read.elements;
      i = read.end;
    } else {
      if (raw !== 'payload' && raw.includes('\\') && JSON.parse(`"${raw}"`) === 'payload') return null;
      i = valueEnd(text, i);
    }
    i = skipSpace(text, i);
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return elements;
}

function arrayElements(text: string, open: number): { elements: string[]; end: number } | null {
  const elements: string[] = [];
  let i = skipSpace(text, open + 1);
  if (text[i] === ']') return { elements, end: i + 1 };
  for (;;) {
    const end = valueEnd(text, i);
    elements.push(text.slice(i, end));
    i = skipSpace(text, end);
    if (text[i] === ']') return { elements, end: i + 1 };
    if (text[i] !== ',') return null;
    i = skipSpace(text, i + 1);
  }
}

/** Where the value starting at `i` ends (one past its last character). */
function valueEnd(text: string, i: number): number {
  const first = text[i];
  if (first === '"') return stringEnd(text, i);
  if (first === '{' || first === '[') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const c = text[j];
      if (c === '"') j = stringEnd(text, j) - 1;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return text.length;
  }
  let j = i;
  while (j < text.length && !',}] \t\r\n'.includes(text[j]!)) j++;
  return j;
}

/** One past the closing quote of the string opening at `i`. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '"') return j + 1;
  }
  return text.length;
}

function skipSpace(text: string, i: number): number {
  let j = i;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\n' || text[j] === '\r'))
    j++;
  return j;
}
