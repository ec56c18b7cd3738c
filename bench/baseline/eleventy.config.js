// Plain Eleventy 3, as an Eleventy user would build the benchmark's events: no plugins, the default markdown-it
// renderer, one page per event through a Nunjucks layout, and a home page listing every event by date.
//
// site/events/events.11tydata.json gives every event the layout and the `events` tag; Eleventy's tag collections
// are sorted by date, read from each event's front matter `date` with Luxon (all our ISO 8601 forms parse as
// they are: "1991", "2022-12", "2023-09-20", "2023-09-20T13:00+04:00"), so the events' files are used unchanged.
//
// bench/run.ts copies site/ and the generated content/events/*.md into a temporary folder and runs, in it:
//   node <repo>/node_modules/@11ty/eleventy/cmd.cjs --config=<repo>/bench/baseline/eleventy.config.js \
//     --input=. --output=<fresh folder> --quiet

export const config = {
  templateFormats: ['md', 'njk'],
  htmlTemplateEngine: 'njk',
};
