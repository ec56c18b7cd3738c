import { readFile } from 'node:fs/promises';

/** Decodes strictly: a Latin-1 or UTF-16 file is reported, not turned into mojibake. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    // CRLF and lone CR files from Windows editors are normalised so that positions and quotes match.
    return text.replace(/\r\n?/g, '\n');
  } catch {
    return undefined;
  }
}

export async function readBytes(path: string): Promise<Uint8Array> {
  return readFile(path);
}
