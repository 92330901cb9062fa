// Finds where and why a text is not valid JSON, in words a person editing a workflow file can act
// on. JSON.parse's messages differ across Node versions and often give no position at all.

export interface JsonSyntaxError {
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly hint?: string;
}

/** Deeper nesting than this is reported rather than risking the call stack. */
const MAX_DEPTH = 512;

class JsonSyntaxFault {
  constructor(
    readonly offset: number,
    readonly message: string,
    readonly hint?: string,
  ) {}
}

/** The first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    new JsonScanner(text).document();
    return null;
  } catch (error) {
    if (!(error instanceof JsonSyntaxFault)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - before.lastIndexOf('\n');
    return { line, column, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  }
}

class JsonScanner {
  private at = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.skipSpace();
    this.value(0);
    this.skipSpace();
    if (this.at < this.text.length) {
      this.fail(
        'unexpected text after the end of the JSON document',
        'remove it, or wrap both parts in one object',
      );
    }
  }

  private value(depth: number): void {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    const char = this.text[this.at];
    if (char === '{') this.object(depth);
    else if (char === '[') this.array(depth);
    else if (char === '"') this.string();
    else if (char === "'") this.fail('strings must be in double quotes', 'replace the single quotes with "');
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) this.number();
    else if (char === undefined) this.fail('the file ends where a value was expected');
    else this.literal();
  }

  private object(depth: number): void {
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === '}') {
      this.at++;
      return;
    }
    for (;;) {
      this.property(depth);
      this.skipSpace();
      const next = this.text[this.at];
      if (next === '}') {
        this.at++;
        return;
      }
      if (next !== ',') this.missingSeparator('}', 'property value');
      const comma = this.at++;
      this.skipSpace();
      if (this.text[this.at] === '}') {
        this.fail('trailing comma before "}"', 'remove the comma after the last property', comma);
      }
    }
  }

  private property(depth: number): void {
    const char = this.text[this.at];
    if (char === undefined) this.fail('the file ends inside an object', 'add the missing "}"');
    if (char !== '"') this.fail('property names must be in double quotes', 'write "name": value');
    this.string();
    this.skipSpace();
    if (this.text[this.at] !== ':') this.fail('expected ":" after the property name');
    this.at++;
    this.skipSpace();
    this.value(depth + 1);
  }

  private array(depth: number): void {
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === ']') {
      this.at++;
      return;
    }
    for (;;) {
      this.value(depth + 1);
      this.skipSpace();
      const next = this.text[this.at];
      if (next === ']') {
        this.at++;
        return;
      }
      if (next !== ',') this.missingSeparator(']', 'array element');
      const comma = this.at++;
      this.skipSpace();
      if (this.text[this.at] === ']') {
        this.fail('trailing comma before "]"', 'remove the comma after the last element', comma);
      }
    }
  }

  private missingSeparator(close: string, after: string): never {
    if (this.at >= this.text.length)
      this.fail(`the file ends early; expected "${close}"`, `add the missing "${close}"`);
    return this.fail(
      `expected "," or "${close}" after the ${after}`,
      'a comma is probably missing before this point',
    );
  }

  private string(): void {
    const start = this.at;
    this.at++;
    for (;;) {
      const char = this.text[this.at];
      if (char === undefined) this.fail('unterminated string', 'add the closing double quote', start);
      if (char === '"') break;
      if (char < ' ') this.fail('line break or control character inside a string', 'write it as \\n or \\t');
      if (char === '\\') {
        const escape = this.text[this.at + 1] ?? '';
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6)))
            this.fail('bad \\u escape');
          this.at += 4;
        } else if (!'"\\/bfnrt'.includes(escape) || escape === '') {
          this.fail(`unknown escape "\\${escape}" in a string`, 'write a backslash as \\\\');
        }
        this.at++;
      }
      this.at++;
    }
    this.at++;
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.at, this.at + 400));
    if (!match) this.fail('malformed number');
    this.at += match[0].length;
  }

  private literal(): void {
    const word = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.at, this.at + 100))?.[0];
    if (word === 'true' || word === 'false' || word === 'null') {
      this.at += word.length;
      return;
    }
    if (word !== undefined) this.fail(`unexpected word "${word}"`, 'strings must be in double quotes');
    this.fail(`unexpected character "${this.text[this.at]}"`);
  }

  private skipSpace(): void {
    for (;;) {
      const char = this.text[this.at];
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') this.at++;
      else if (char === '/' && (this.text[this.at + 1] === '/' || this.text[this.at + 1] === '*')) {
        this.fail('JSON does not allow comments', 'remove the comment');
      } else return;
    }
  }

  private fail(message: string, hint?: string, offset = this.at): never {
    throw new JsonSyntaxFault(offset, message, hint);
  }
}
