// Per-page values as functions: see ../event.11tydata.js.
// Out of Eleventy's collections: the sitemap lists these pages from the model (src/eleventy/run-plan.ts).
export default {
  eleventyExcludeFromCollections: true,
  eleventyComputed: {
    permalink: (data) => data.pg.path,
    pageTitle: (data) => data.pg.facet.name,
    pageDescription: (data) => data.pg.facet.description,
  },
};
