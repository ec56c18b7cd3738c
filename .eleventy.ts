import type UserConfig from '@11ty/eleventy/UserConfig';
import newsTimeline from './src/eleventy/plugin.ts';

export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addPlugin(newsTimeline);
  return {
    dir: { input: 'templates', includes: '_includes', data: '_data' },
    templateFormats: ['njk'],
    htmlTemplateEngine: 'njk',
    // Editors' Markdown never runs through a template engine: a quoted `{{` must stay text.
    markdownTemplateEngine: false,
  };
}
