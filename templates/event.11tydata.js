// Per-page values as functions, not as Nunjucks strings in front matter: Eleventy compiles a front-matter
// template string again for every paginated page, which at 10,000 events cost seconds.
export default {
  eleventyComputed: {
    permalink: (data) => data.e.path,
    pageTitle: (data) => data.e.title,
  },
};
