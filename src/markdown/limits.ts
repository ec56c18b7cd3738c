/**
 * Limits on a Markdown body, measured on the text in one linear pass before remark sees it. remark recurses once
 * per level of nesting and resolves emphasis by looking back over the openers still unclosed, so a body of a few
 * kilobytes can overflow the stack (`>` × 10,000, `- ` × 1,000) or take minutes (`*a ` × 20,000). News text nests
 * two or three levels; these limits sit far above that and far below where remark slows or fails.
 */

/** Block quotes and list items, one inside another. markdown-it's default cap is 100; remark overflows near 1,000. */
export const MAX_BLOCK_DEPTH = 32;
/**
 * Emphasis marks (`*`, `_`) in one paragraph that are opened and not yet closed, or that close nothing. remark
 * walks back over the whole paragraph from each closing mark to find its opener, so such marks make it quadratic.
 */
export const MAX_OPEN_EMPHASIS = 32;
/**
 * Characters in one event body, the text remark renders: over ten times the longest event summary. remark's time
 * grows with the number of list items and emphasis marks, to seconds for 20,000 characters of nothing else.
 * Source bodies are never rendered (only quoted from), so only the file size limit applies to them.
 */
export const MAX_BODY_CHARS = 10_000;

export type LimitKind = 'size' | 'block-depth' | 'open-emphasis';

export interface LimitProblem {
  kind: LimitKind;
  /** Where the limit was first passed, a 0-based offset into the body (the start, for its size). */
  index: number;
  /** What was measured there (characters for `size`, levels or marks otherwise) and its limit. */
  found: number;
  limit: number;
}

const isSpace = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isPunctuation = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);

/**
 * `rendered` is false for a source body, which is held to the nesting limits but not the size limit.
 * Counts, on one line at a time, what remark would nest or leave open. Every count errs upwards: indentation counts
 * as a level per two columns, code blocks are counted like text, and a closing mark whose nearest opener it might
 * not match counts as unmatched. So a body within these counts is within the limits, whatever remark makes of it.
 */
export function markdownLimitProblems(body: string, { rendered = true } = {}): LimitProblem[] {
  const problems: LimitProblem[] = [];
  if (rendered && body.length > MAX_BODY_CHARS) problems.push({ kind: 'size', index: 0, found: body.length, limit: MAX_BODY_CHARS });
  let block: LimitProblem | null = null;
  let emphasis: LimitProblem | null = null;
  // Per paragraph: the openers of each mark (their run length, and whether the run could also close), and closers that matched none.
  let openers: Record<string, { length: number; both: boolean }[]> = { '*': [], _: [] };
  let unmatched = 0;
  let start = 0;
  while (!(block && emphasis)) {
    const newline = body.indexOf('\n', start);
    const end = newline === -1 ? body.length : newline;
    let i = start;
    let depth = 0;
    let indent = 0;
    while (i < end) {
      const c = body[i]!;
      let marker = i;
      if (c === ' ') indent += 1;
      else if (c === '\t') indent += 4 - (indent % 4);
      else if (c === '>' || ((c === '-' || c === '*' || c === '+') && isSpace(body[i + 1]))) marker = i + 1;
      else if (c >= '0' && c <= '9') {
        let j = i;
        while (j < end && j - i < 9 && body[j]! >= '0' && body[j]! <= '9') j += 1;
        if ((body[j] === '.' || body[j] === ')') && isSpace(body[j + 1])) marker = j + 1;
        else break;
      } else break;
      if (marker > i) {
        depth += 1;
        // One space after a marker belongs to it; more is indentation.
        i = body[marker] === ' ' ? marker + 1 : marker;
      } else i += 1;
    }
    const levels = depth + Math.floor(indent / 2);
    if (!block && levels > MAX_BLOCK_DEPTH) block = { kind: 'block-depth', index: start, found: levels, limit: MAX_BLOCK_DEPTH };
    if (body.slice(start, end).trim() === '') {
      // Only a blank line surely ends a paragraph (a lone `*` or `>` may be its text or its container).
      openers = { '*': [], _: [] };
      unmatched = 0;
    } else if (!emphasis) {
      for (let k = i; k < end; k += 1) {
        const c = body[k]!;
        if (c === '\\') {
          k += 1; // an escaped mark is text
          continue;
        }
        if (c !== '*' && c !== '_') continue;
        let runEnd = k;
        while (runEnd < end && body[runEnd] === c) runEnd += 1;
        const before = k === i ? undefined : body[k - 1];
        const after = runEnd >= end ? undefined : body[runEnd];
        const left = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
        const right = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
        // Which runs may open or close, as remark decides it: `_` inside a word does neither.
        const canOpen = left && (c === '*' || !right || isPunctuation(before));
        const canClose = right && (c === '*' || !left || isPunctuation(after));
        const length = runEnd - k;
        const stack = openers[c]!;
        if (canClose) {
          const top = stack[stack.length - 1];
          // CommonMark's rule of three: such a pair does not match, and remark keeps walking back.
          const ruleOfThree = top !== undefined && (top.both || canOpen) && length % 3 !== 0 && (top.length + length) % 3 === 0;
          if (top && !ruleOfThree) stack.pop();
          else if (canOpen) stack.push({ length, both: true });
          else unmatched += 1;
        } else if (canOpen) stack.push({ length, both: false });
        const open = openers['*']!.length + openers._!.length + unmatched;
        if (open > MAX_OPEN_EMPHASIS) {
          emphasis = { kind: 'open-emphasis', index: k, found: open, limit: MAX_OPEN_EMPHASIS };
          break;
        }
        k = runEnd - 1;
      }
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  if (block) problems.push(block);
  if (emphasis) problems.push(emphasis);
  return problems.sort((a, b) => a.index - b.index);
}

/** True when remark may be given the body: a build never renders one that validation would refuse. */
export function withinMarkdownLimits(body: string): boolean {
  return markdownLimitProblems(body).length === 0;
}
