// Reads `.env` files: KEY=VALUE lines, `export` prefixes, quotes, and comments. No expansion.
import { existsSync, readFileSync } from 'node:fs';
import { InvalidInputError } from '../../domain/shared/errors.js';

export function parseDotenv(text: string, file: string): Record<string, string> {
  const values: Record<string, string> = {};
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) {
      // The line is not echoed: a malformed line of a .env file is often a pasted secret.
      throw new InvalidInputError(
        'CONFIG.DOTENV_SYNTAX',
        `${file} line ${index + 1} is not KEY=VALUE (its text is not shown, it may hold a secret); fix or remove that line`,
        { details: { file, line: index + 1 } },
      );
    }
    values[match[1]!] = unquote(match[2]!);
  });
  return values;
}

function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
    const inner = value.slice(1, -1);
    return quote === '"' ? inner.replace(/\\n/g, '\n').replace(/\\"/g, '"') : inner;
  }
  // An unquoted value ends at an inline comment.
  return value.replace(/\s+#.*$/, '').trim();
}

export function readDotenv(file: string): Record<string, string> {
  return existsSync(file) ? parseDotenv(readFileSync(file, 'utf8'), file) : {};
}
