// Slices the source text of each object in one array of a JSON text, so the listening ledger can keep
// a scrobble exactly as Last.fm sent it instead of re-serialising the parsed object. Only structural
// characters are looked at: string contents are jumped over with indexOf, which keeps it near the cost
// of JSON.parse. (importers/json-array-scanner.ts does another job: streamed bytes of a top-level array.)

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

/** Thrown inside the scanner when the text is not shaped as expected; the caller sees null. */
class UnexpectedShape extends Error {}

/**
 * The exact texts of the elements of the array at `path` (object keys from the root), in order; null
 * when the path is missing or does not lead to an array of objects. Like JSON.parse, the last of
 * duplicate keys wins. `text` should be JSON that JSON.parse accepted: it is not validated.
 */
export function jsonElementTexts(text: string, path: readonly string[]): string[] | null {
  try {
    return new ElementScanner(text).textsAt(path, 0);
  } catch (error) {
    if (error instanceof UnexpectedShape) return null;
    throw error;
  }
}

class ElementScanner {
  private pos = 0;
  /** Index of the next `"` at or after the last search start (text.length when none): one search per quote. */
  private quote = -1;

  constructor(private readonly text: string) {}

  /** The value at the position: an object while path keys remain, then the array whose elements we want. */
  textsAt(path: readonly string[], depth: number): string[] | null {
    this.skipWhitespace();
    const wanted = depth === path.length ? OPEN_BRACKET : OPEN_BRACE;
    if (this.text.charCodeAt(this.pos) !== wanted) throw new UnexpectedShape();
    return depth === path.length ? this.elementTexts() : this.textsInObject(path, depth);
  }

  private textsInObject(path: readonly string[], depth: number): string[] | null {
    this.pos += 1;
    if (this.take(CLOSE_BRACE)) return null;
    let found: string[] | null = null;
    do {
      const key = this.readKey();
      this.expect(COLON);
      if (key === path[depth]) found = this.textsAt(path, depth + 1);
      else this.skipValue();
    } while (this.take(COMMA));
    this.expect(CLOSE_BRACE);
    return found;
  }

  private elementTexts(): string[] {
    this.pos += 1;
    const texts: string[] = [];
    if (this.take(CLOSE_BRACKET)) return texts;
    do {
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) !== OPEN_BRACE) throw new UnexpectedShape();
      const start = this.pos;
      this.skipContainer();
      texts.push(this.text.slice(start, this.pos));
    } while (this.take(COMMA));
    this.expect(CLOSE_BRACKET);
    return texts;
  }

  /** Keys are compared decoded: `"rec\u0065nttracks"` is `recenttracks` to JSON.parse too. */
  private readKey(): string {
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== QUOTE) throw new UnexpectedShape();
    const start = this.pos;
    this.skipString();
    const inner = this.text.slice(start + 1, this.pos - 1);
    return inner.includes('\\') ? (JSON.parse(this.text.slice(start, this.pos)) as string) : inner;
  }

  private skipValue(): void {
    this.skipWhitespace();
    const c = this.text.charCodeAt(this.pos);
    if (c === QUOTE) this.skipString();
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.skipContainer();
    else this.skipLiteral();
  }

  /** Past the object or array opening here; brackets inside strings are never seen. */
  private skipContainer(): void {
    const { text } = this;
    let depth = 0;
    for (;;) {
      const stop = this.nextQuote(this.pos);
      for (let i = this.pos; i < stop; i++) {
        const c = text.charCodeAt(i);
        if (c === OPEN_BRACE || c === OPEN_BRACKET) depth += 1;
        else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) {
          this.pos = i + 1;
          return;
        }
      }
      if (stop === text.length) throw new UnexpectedShape();
      this.pos = stop;
      this.skipString();
    }
  }

  /** Past the string whose opening quote is here: its end is the first quote after an even run of backslashes. */
  private skipString(): void {
    let close = this.nextQuote(this.pos + 1);
    while (close < this.text.length && this.isEscaped(close)) close = this.nextQuote(close + 1);
    if (close === this.text.length) throw new UnexpectedShape();
    this.pos = close + 1;
  }

  private isEscaped(quote: number): boolean {
    let backslashes = 0;
    while (this.text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes += 1;
    return backslashes % 2 === 1;
  }

  /** Numbers, true, false and null: up to the next delimiter. */
  private skipLiteral(): void {
    const start = this.pos;
    while (this.pos < this.text.length && !isDelimiter(this.text.charCodeAt(this.pos))) this.pos += 1;
    if (this.pos === start) throw new UnexpectedShape();
  }

  private nextQuote(from: number): number {
    if (this.quote < from) {
      const found = this.text.indexOf('"', from);
      this.quote = found < 0 ? this.text.length : found;
    }
    return this.quote;
  }

  /** Skips whitespace, then consumes `code` if it is next. */
  private take(code: number): boolean {
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== code) return false;
    this.pos += 1;
    return true;
  }

  private expect(code: number): void {
    if (!this.take(code)) throw new UnexpectedShape();
  }

  private skipWhitespace(): void {
    while (isWhitespace(this.text.charCodeAt(this.pos))) this.pos += 1;
  }
}

function isWhitespace(c: number): boolean {
  return c === SPACE || c === NEWLINE || c === RETURN || c === TAB;
}

function isDelimiter(c: number): boolean {
  return c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isWhitespace(c);
}
