// Per-page values as functions: see event.11tydata.js.
export default {
  eleventyComputed: {
    permalink: (data) => data.ap.path,
    pageTitle: (data) => `What was known by ${data.ap.moment.phrase}`,
  },
};
