import type { Position } from '../diagnostics/diagnostic.ts';

/** Decodes strictly: a Latin-1 or UTF-16 file is reported, not turned into mojibake. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    const text = utf8.decode(bytes);
    // CRLF and lone CR files from Windows editors are normalised so that positions and quotes match.
    return text.replace(/\r\n?/g, '\n');
  } catch {
    return undefined;
  }
}

export interface EncodingProblem {
  /** Where the first byte that is not UTF-8 sits (line and column counted in characters of the valid text before it). */
  at: Position;
  /** The offending byte, e.g. `0xE9`. */
  byte: string;
  /** The likely encoding the file was saved in, in words an editor can act on. */
  likely: string;
}

/**
 * Explains why bytes are not UTF-8: where the first bad byte is and what the file probably is. Returns null for
 * valid UTF-8. Used only after `decodeUtf8` failed, so its cost does not matter.
 */
export function explainEncoding(bytes: Uint8Array): EncodingProblem | null {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { at: { line: 1, column: 1 }, byte: hex(bytes[0]!), likely: 'UTF-16 (a byte-order mark says so)' };
  }
  let line = 1;
  let column = 1;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      const b = bytes[i]!;
      const likely = b === 0x00 || bytes[i + 1] === 0x00 ? 'UTF-16 or a binary file' : 'Windows-1252 or Latin-1';
      return { at: { line, column }, byte: hex(b), likely };
    }
    if (bytes[i] === 0x0a) {
      line++;
      column = 1;
    } else if (bytes[i] === 0x0d) {
      // CR LF counts once; a lone CR is a line break of its own.
      if (bytes[i + 1] !== 0x0a) {
        line++;
        column = 1;
      }
    } else {
      column += length === 4 ? 2 : 1;
    }
    i += length;
  }
  return null;
}

/** Length of the well-formed UTF-8 sequence at `i` (RFC 3629: no overlongs, no surrogates, up to U+10FFFF), or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
