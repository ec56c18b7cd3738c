import { describe, expect, it } from 'vitest';
import { siteUrl } from '../../src/schema/fields.ts';

/** The site's own address: pages load their scripts from its path, so that path may not read as another host. */
describe('siteUrl', () => {
  it.each(['https://user.github.io/repo/', 'https://user.github.io/repo', 'http://127.0.0.1:8080/', 'https://example.org/timeline?v=1', 'https://example.org/a%2Fb/'])(
    'accepts %s',
    (url) => {
      expect(siteUrl.safeParse(url).success).toBe(true);
    },
  );

  it.each(['https://example.org//evil.example', 'https://example.org/\\evil.example', 'https://example.org/news/..//evil.example'])('refuses %s', (url) => {
    const result = siteUrl.safeParse(url);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual(['expected an http:// or https:// address whose path has no empty segment (`//`) or backslash']);
  });

  it.each(['not a url', 'https://', '', 'example.org/timeline', 'javascript:alert(1)'])('reports %j as a malformed address, without throwing', (url) => {
    const result = siteUrl.safeParse(url);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual(['expected an http:// or https:// address']);
  });
});
