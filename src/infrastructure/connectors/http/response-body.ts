// Turns a response body into what callers want: parsed JSON, else the text, null when empty (Spotify
// answers some 429s with no body at all).

export function parseResponseBody(text: string, contentType: string | null): unknown {
  if (text.trim() === '') return null;
  // Some services send JSON as text/plain or text/html; the first character tells.
  const looksLikeJson = /json/i.test(contentType ?? '') || /^\s*[[{]/.test(text);
  if (!looksLikeJson) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
