import { LinkChecker, LinkState } from 'linkinator';
import { serveStatic } from './static-server.ts';

export interface LinkProblem {
  url: string;
  status: number | undefined;
  /** The page the broken link is on. */
  parent: string | undefined;
  reason: string;
}

/**
 * Crawls the built site from its home page through every internal link, checking that each target exists and
 * that each `#fragment` names an element on its page. External links are not followed: this runs offline.
 */
export async function checkLinks(dir: string, prefix = '/'): Promise<{ checked: number; broken: LinkProblem[] }> {
  const server = await serveStatic(dir, prefix);
  try {
    const origin = new URL(server.url).origin;
    const result = await new LinkChecker().check({
      path: server.url,
      recurse: true,
      checkFragments: true,
      concurrency: 20,
      timeout: 20_000,
      linksToSkip: async (link: string) => !link.startsWith(origin),
    });
    const broken = result.links
      .filter((l) => l.state === LinkState.BROKEN)
      .map((l) => ({
        url: l.url,
        status: l.status,
        parent: l.parent,
        reason: l.failureDetails?.map((d) => (d instanceof Error ? d.message : JSON.stringify(d))).join('; ') || `HTTP ${l.status}`,
      }));
    return { checked: result.links.filter((l) => l.state !== LinkState.SKIPPED).length, broken };
  } finally {
    await server.close();
  }
}
