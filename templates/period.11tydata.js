// Per-page values as functions: see event.11tydata.js.
export default {
  eleventyComputed: {
    permalink: (data) => data.p.path,
    pageTitle: (data) => data.p.label,
  },
};
