/**
 * The site's icon: a timeline (a line with three events on it) in the site's accent colour. Written at build time as
 * `/favicon.svg` and, rendered at 32 px, as `/favicon.ico` (see src/build/share-cards.ts): browsers and crawlers
 * ask for `/favicon.ico` whatever the page declares, and a 404 there costs Lighthouse's Best Practices score.
 */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" rx="6" fill="#a12a2a"/>' +
  '<rect x="7" y="15" width="18" height="2" fill="#ffffff"/>' +
  '<circle cx="9" cy="16" r="3.5" fill="#ffffff"/><circle cx="16" cy="16" r="3.5" fill="#ffffff"/><circle cx="23" cy="16" r="3.5" fill="#ffffff"/>' +
  '</svg>\n';

/**
 * An ICO file holding one PNG image of `size` pixels square: a 6-byte header, a 16-byte directory entry, then the
 * PNG as it is (ICO has allowed PNG images since Windows Vista, and every current browser reads them).
 */
export function icoFromPng(png: Uint8Array, size: number): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size >= 256 ? 0 : size, 6); // width (0 means 256)
  header.writeUInt8(size >= 256 ? 0 : size, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9); // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14); // image size
  header.writeUInt32LE(22, 18); // image offset
  return Buffer.concat([header, png]);
}
