// Per-page values as functions: see ../event.11tydata.js.
export default {
  eleventyComputed: {
    permalink: (data) => data.pg.path,
    pageTitle: (data) => data.pg.facet.name,
    pageDescription: (data) => data.pg.facet.description,
  },
};
