/** `/events/x/` on `https://example.org/timeline` → `https://example.org/timeline/events/x/` */
export function absoluteUrl(path: string, base: string): string {
  return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}
