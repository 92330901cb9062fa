// Limits on a workflow file, checked on its text before JSON.parse: a file far past any real
// workflow's size or nesting is refused with its position, rather than exhausting memory or the stack.

/** Workflow files are a few kilobytes; 5 MB leaves room for any hand-written one. */
export const WORKFLOW_MAX_BYTES = 5 * 1024 * 1024;

/** Real workflows nest five or six levels (tasks → task → config → list → item). */
export const WORKFLOW_MAX_DEPTH = 64;

/** Real workflows hold tens of tasks; the graph checks walk chains as deep as the task count. */
export const WORKFLOW_MAX_TASKS = 1000;

/** Offset of the first `{` or `[` that opens level `max + 1`, or null when the text stays within `max`. */
export function firstTooDeep(text: string, max: number): number | null {
  let depth = 0;
  let inString = false;
  for (let at = 0; at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (inString) {
      if (char === 0x5c) at++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      depth++;
      if (depth > max) return at;
    } else if (char === 0x7d || char === 0x5d) depth--;
  }
  return null;
}

/** 1-based line and column of `offset` in `text`. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
