// Keeps secrets out of logs and output: by field name, and by value wherever a known secret appears.

const SECRET_KEY = /(token|secret|password|passwd|session_?key|api_?sig|authorization|^sk$|code_verifier)/i;
export const REDACTED = '[redacted]';

export class Redactor {
  private readonly secrets: readonly string[];

  constructor(secrets: readonly string[]) {
    // Longest first so a secret containing another is replaced whole.
    this.secrets = [...new Set(secrets.filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
  }

  text(value: string): string {
    let out = value;
    for (const secret of this.secrets) out = out.split(secret).join(REDACTED);
    // Secrets in URLs and form bodies (`?api_sig=…&sk=…`, `access_token=…`).
    return out.replace(
      /([?&](?:api_sig|sk|token|access_token|refresh_token|code|code_verifier)=)[^&\s"]+/gi,
      `$1${REDACTED}`,
    );
  }

  value(input: unknown, depth = 0): unknown {
    if (typeof input === 'string') return this.text(input);
    if (input === null || typeof input !== 'object' || depth > 6) return input;
    if (input instanceof Error) return { name: input.name, message: this.text(input.message) };
    if (Array.isArray(input)) return input.map((v) => this.value(v, depth + 1));
    return Object.fromEntries(
      Object.entries(input).map(([k, v]) => [k, SECRET_KEY.test(k) ? REDACTED : this.value(v, depth + 1)]),
    );
  }
}
