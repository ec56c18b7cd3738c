// The list of reporting moments, 200 to a page: /as-of/, /as-of/page/2/, …; a function, not a Nunjucks string in
// front matter, which Eleventy would compile again for every page.
export default {
  eleventyComputed: {
    permalink: (data) => (data.pagination.pageNumber === 0 ? '/as-of/' : `/as-of/page/${data.pagination.pageNumber + 1}/`),
  },
};
