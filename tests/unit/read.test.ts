import { describe, expect, it } from 'vitest';
import { decodeUtf8, explainEncoding, type EncodingProblem } from '../../src/load/read.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeUtf8', () => {
  it.each<[string, Uint8Array, string]>([
    ['plain ASCII', utf8('title: x\n'), 'title: x\n'],
    ['UTF-8 accents and curly quotes', utf8('café “quoted” Xankəndi'), 'café “quoted” Xankəndi'],
    ['a leading byte-order mark is dropped', bytes(0xef, 0xbb, 0xbf, 0x2d, 0x2d, 0x2d, 0x0a), '---\n'],
    ['CRLF becomes LF', utf8('---\r\ntitle: x\r\n---\r\nBody\r\n'), '---\ntitle: x\n---\nBody\n'],
    ['a lone CR becomes LF', utf8('one\rtwo\r'), 'one\ntwo\n'],
    ['CR CR LF is two line breaks', utf8('one\r\r\ntwo'), 'one\n\ntwo'],
    ['BOM and CRLF together', bytes(0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a, 0x62), 'a\nb'],
    ['nothing', bytes(), ''],
  ])('%s', (_, input, text) => {
    expect(decodeUtf8(input)).toBe(text);
  });

  it.each<[string, Uint8Array]>([
    ['Latin-1 `café` (0xE9)', bytes(0x63, 0x61, 0x66, 0xe9)],
    ['a Latin-1 byte mid-line', bytes(0x61, 0xe9, 0x62, 0x0a)],
    ['UTF-16LE with its byte-order mark', bytes(0xff, 0xfe, 0x61, 0x00)],
    ['a truncated multi-byte sequence', bytes(0x61, 0xe2, 0x80)],
    ['an overlong encoding of `/`', bytes(0xc0, 0xaf)],
  ])('%s is not UTF-8', (_, input) => {
    expect(decodeUtf8(input)).toBeUndefined();
  });
});

describe('explainEncoding: where the first bad byte is and what the file probably is', () => {
  const LATIN1 = 'Windows-1252 or Latin-1';
  it.each<[string, Uint8Array, EncodingProblem | null]>([
    ['valid UTF-8', utf8('café\nline two'), null],
    ['nothing', bytes(), null],
    ['Latin-1 `café`', bytes(0x63, 0x61, 0x66, 0xe9), { at: { line: 1, column: 4 }, byte: '0xE9', likely: LATIN1 }],
    ['a bad byte on line 2', bytes(0x61, 0x0a, 0x62, 0xe9), { at: { line: 2, column: 2 }, byte: '0xE9', likely: LATIN1 }],
    ['after CRLF, counted once', bytes(0x61, 0x0d, 0x0a, 0xe9), { at: { line: 2, column: 1 }, byte: '0xE9', likely: LATIN1 }],
    ['after a lone CR', bytes(0x61, 0x0d, 0xe9), { at: { line: 2, column: 1 }, byte: '0xE9', likely: LATIN1 }],
    ['after a valid two-byte character (one column)', bytes(0xc3, 0xa9, 0xe9), { at: { line: 1, column: 2 }, byte: '0xE9', likely: LATIN1 }],
    ['after a four-byte emoji (two columns)', bytes(0xf0, 0x9f, 0x98, 0x80, 0xff), { at: { line: 1, column: 3 }, byte: '0xFF', likely: LATIN1 }],
    ['after a byte-order mark, which takes no column', bytes(0xef, 0xbb, 0xbf, 0x61, 0xe9), { at: { line: 1, column: 2 }, byte: '0xE9', likely: LATIN1 }],
    ['a Windows-1252 curly quote', bytes(0x61, 0x93, 0x62, 0x94), { at: { line: 1, column: 2 }, byte: '0x93', likely: LATIN1 }],
    ['an overlong `/`', bytes(0xc0, 0xaf), { at: { line: 1, column: 1 }, byte: '0xC0', likely: LATIN1 }],
    ['an encoded surrogate', bytes(0x61, 0xed, 0xa0, 0x80), { at: { line: 1, column: 2 }, byte: '0xED', likely: LATIN1 }],
    ['a truncated sequence at the end', bytes(0x61, 0xe2, 0x80), { at: { line: 1, column: 2 }, byte: '0xE2', likely: LATIN1 }],
    ['UTF-16LE with its byte-order mark', bytes(0xff, 0xfe, 0x61, 0x00), { at: { line: 1, column: 1 }, byte: '0xFF', likely: 'UTF-16 (a byte-order mark says so)' }],
    ['UTF-16BE with its byte-order mark', bytes(0xfe, 0xff, 0x00, 0x61), { at: { line: 1, column: 1 }, byte: '0xFE', likely: 'UTF-16 (a byte-order mark says so)' }],
    [
      'UTF-16LE without a byte-order mark',
      bytes(0x61, 0x00, 0x62, 0x00, 0xe9, 0x00),
      { at: { line: 1, column: 5 }, byte: '0xE9', likely: 'UTF-16 or a binary file' },
    ],
  ])('%s', (_, input, problem) => {
    expect(explainEncoding(input)).toEqual(problem);
    // It explains exactly the inputs that decodeUtf8 refuses.
    expect(decodeUtf8(input) === undefined).toBe(problem !== null);
  });
});
