// The permalink as a plain function in the data, not in `eleventyComputed`: Eleventy's computed data cost 0.9 s
// of the 4.8 s the 10,000 event pages took, and a front-matter template string is compiled again for every page.
// The page's title comes from the model (see src/exports/page-meta.ts). Nothing lists the event pages through
// Eleventy's collections (the sitemap takes them from the model), so they stay out of them.
export default {
  permalink: (data) => data.e.path,
  eleventyExcludeFromCollections: true,
};
