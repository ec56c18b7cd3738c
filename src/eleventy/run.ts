// The old name of render-site.ts, until src/build and src/serve import it by its new one.
export { EVENT_TEMPLATE, forgetTemplates, renderSite, type EleventyRun } from './render-site.ts';
