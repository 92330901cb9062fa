// `narada stats eras --year Y` and `narada stats top --year Y`: what a year of listening looked like.
import { resolve as resolvePath } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import { STATS } from '../../di/stats.tokens.js';
import { withContext } from '../command.js';
import type { GlobalArgs } from '../global-options.js';
import { commandGroup, documented } from '../help.js';
import { DATA_ENV, MUSICBRAINZ_ENV } from '../../config/environment.js';

interface YearArgs extends GlobalArgs {
  readonly year: number;
  readonly user?: string;
}

interface ErasArgs extends YearArgs {
  readonly resolveYears: boolean;
  readonly svg?: string;
  readonly html?: string;
}

interface TopArgs extends YearArgs {
  readonly limit: number;
}

const yearOptions = {
  year: { type: 'number', demandOption: true, describe: 'The year of the listens (UTC calendar year)' },
  user: { type: 'string', describe: 'Only this listener (default: everyone in the database)' },
} as const;

const erasCommand: CommandModule<GlobalArgs, ErasArgs> = {
  command: 'eras',
  describe: "A year's listens by the original release year of what was played",
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 stats eras --year 2025', "2025's listens by the year the music first came out"],
        ['$0 stats eras --year 2025 --resolve-years', 'Date what can be dated on MusicBrainz first'],
        ['$0 stats eras --year 2025 --svg eras.svg', 'Also write the chart as an SVG file'],
      ],
      env: [...DATA_ENV, 'LASTFM_USERNAME', ...MUSICBRAINZ_ENV],
    }).options({
      ...yearOptions,
      'resolve-years': {
        type: 'boolean',
        default: false,
        describe:
          'Look up missing release years on MusicBrainz first (one request a second); without it, no network',
      },
      svg: { type: 'string', describe: 'Also write the chart as an SVG file' },
      html: {
        type: 'string',
        describe: 'Also write a self-contained HTML page with the chart and its table',
      },
    }) as unknown as Argv<ErasArgs>, // camelCase aliases (`resolveYears`) are not in yargs' inferred type
  handler: withContext<ErasArgs>(async (ctx, args) => {
    const year = checkedYear(args.year);
    const report = await (
      await ctx.get(STATS.ShowEras)
    ).run({
      year,
      user: args.user,
      resolveYears: args.resolveYears,
    });
    const { writePrivateFile } = await import('../../files/private-files.js');
    if (args.svg !== undefined) {
      const { renderErasSvg } = await import('../views/eras-svg.js');
      await writePrivateFile(resolvePath(ctx.runtime.cwd, args.svg), renderErasSvg(report));
      ctx.output.note(`Wrote the chart to ${args.svg}`);
    }
    if (args.html !== undefined) {
      const { renderErasHtml } = await import('../views/eras-html.js');
      await writePrivateFile(resolvePath(ctx.runtime.cwd, args.html), renderErasHtml(report));
      ctx.output.note(`Wrote the page to ${args.html}`);
    }
    const { renderErasChart } = await import('../views/eras-chart.js');
    ctx.output.result(report, renderErasChart);
  }),
};

const topCommand: CommandModule<GlobalArgs, TopArgs> = {
  command: 'top',
  describe: "A year's most played tracks and artists",
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 stats top --year 2025', "2025's ten most played tracks and artists"],
        ['$0 stats top --year 2025 --limit 50 --json', 'The top 50, as JSON'],
      ],
      env: [...DATA_ENV, 'LASTFM_USERNAME'],
    }).options({
      ...yearOptions,
      limit: { type: 'number', default: 10, describe: 'How many tracks and artists to list' },
    }) as unknown as Argv<TopArgs>, // the year's number type is narrowed by checkedYear
  handler: withContext<TopArgs>(async (ctx, args) => {
    const year = checkedYear(args.year);
    if (!Number.isInteger(args.limit) || args.limit < 1) {
      throw new InvalidInputError(
        'STATS.BAD_LIMIT',
        `--limit must be a whole number of 1 or more, got ${args.limit}`,
      );
    }
    const report = await (await ctx.get(STATS.ShowTop)).run({ year, limit: args.limit, user: args.user });
    const { renderTop } = await import('../views/stats-lines.js');
    ctx.output.result(report, renderTop);
  }),
};

export const statsCommand = commandGroup<GlobalArgs>(
  'stats',
  'Statistics of your listening history',
  [erasCommand, topCommand],
  {
    examples: [
      ['$0 stats eras --year 2025', "A year's listens by original release year"],
      ['$0 stats top --year 2025', "A year's most played tracks and artists"],
    ],
    env: [...DATA_ENV, 'LASTFM_USERNAME', ...MUSICBRAINZ_ENV],
  },
);

function checkedYear(year: number): number {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new InvalidInputError(
      'STATS.BAD_YEAR',
      `--year must be a four-digit year such as 2025, got ${year}`,
    );
  }
  return year;
}
