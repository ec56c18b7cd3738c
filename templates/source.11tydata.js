// Per-page values as functions, not Nunjucks strings in front matter (compiled again for every page). Computed
// data costs Eleventy about 0.1 ms a page: only the event pages are many enough to do without (event.11tydata.js).
// Out of Eleventy's collections: the sitemap lists these pages from the model (src/eleventy/run-plan.ts).
export default {
  eleventyExcludeFromCollections: true,
  eleventyComputed: {
    permalink: (data) => data.s.path,
    pageTitle: (data) => data.s.title,
  },
};
