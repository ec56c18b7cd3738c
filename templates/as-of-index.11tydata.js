// The list of reporting moments, 200 to a page: /as-of/, /as-of/page/2/, … (see event.11tydata.js for why a function).
export default {
  eleventyComputed: {
    permalink: (data) => (data.pagination.pageNumber === 0 ? '/as-of/' : `/as-of/page/${data.pagination.pageNumber + 1}/`),
  },
};
