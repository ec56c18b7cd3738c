/** An estimate of a sans-serif text's width: good enough to keep labels apart, with a margin for wide fonts. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return text.length * fontSize * (bold ? 0.6 : 0.56);
}
