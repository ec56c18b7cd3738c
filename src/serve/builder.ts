import { createRebuilder, type BuilderOptions, type FirstBuild } from './rebuild.ts';

/** From the preview's server to its builder process. */
export type ToBuilder =
  | { kind: 'changed'; paths: string[] }
  | { kind: 'first'; quiet: boolean; nothingWritten: string }
  | { kind: 'stop' };

/** From the builder process to the server: the calls of BuilderEvents, and the first build's outcome. */
export type FromBuilder =
  | { kind: 'notice'; text: string | null }
  | { kind: 'reload' }
  | { kind: 'problem'; text: string }
  | { kind: 'log'; line: string }
  | { kind: 'error'; line: string }
  | { kind: 'siteUrl'; url: string }
  | ({ kind: 'first' } & FirstBuild);

// The preview's builder process (forked by src/serve/preview.ts, with its options as JSON in argv): every build runs
// here, so that rendering and writing thousands of pages holds up neither the server's event loop nor its file
// reads. Not a worker thread: that shares the process's libuv pool with Eleventy's writes, and at 10,000 events
// the server then still took up to 6.4 s to answer.
const post = (message: FromBuilder) => void process.send?.(message);
const rebuilder = createRebuilder(JSON.parse(process.argv[2]!) as BuilderOptions, {
  notice: (text) => post({ kind: 'notice', text }),
  reload: () => post({ kind: 'reload' }),
  problem: (text) => post({ kind: 'problem', text }),
  log: (line) => post({ kind: 'log', line }),
  error: (line) => post({ kind: 'error', line }),
  siteUrl: (url) => post({ kind: 'siteUrl', url }),
});

process.on('message', (message: ToBuilder) => {
  if (message.kind === 'changed') void rebuilder.rebuild(message.paths);
  else if (message.kind === 'first') void rebuilder.first(message.quiet, message.nothingWritten).then((outcome) => post({ kind: 'first', ...outcome }));
  // The exit hook of the output lock removes a lock held mid-build.
  else process.exit(0);
});
// The preview is gone (even killed outright): so is its builder.
process.on('disconnect', () => process.exit(0));
