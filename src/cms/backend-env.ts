import type { CmsBackend } from './config.ts';

/**
 * The GitHub backend, when `CMS_GITHUB_REPO` names a repository (`owner/name`): the editor then saves through
 * pull requests on GitHub (the editorial workflow) instead of into the local files. `CMS_GITHUB_BRANCH` (default
 * `main`) is the branch published from, `CMS_AUTH_URL` the address of the OAuth client that signs editors in.
 */
export function githubBackend(env: NodeJS.ProcessEnv): { github?: Extract<CmsBackend, { kind: 'github' }> } {
  const repo = env.CMS_GITHUB_REPO;
  if (!repo) return {};
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) throw new Error(`Unexpected CMS_GITHUB_REPO \`${repo}\`, expected owner/name.`);
  return {
    github: {
      kind: 'github',
      repo,
      branch: env.CMS_GITHUB_BRANCH || 'main',
      ...(env.CMS_AUTH_URL ? { baseUrl: env.CMS_AUTH_URL } : {}),
      ...(env.SITE_URL ? { siteUrl: env.SITE_URL } : {}),
    },
  };
}
