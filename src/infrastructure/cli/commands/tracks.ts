// `narada tracks resolve|show|review|pin|merge|unmerge|compare`: track identity across the services —
// resolution through MusicBrainz, the evidence behind every match, and the person's corrections.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface, type Interface } from 'node:readline';
import type { Argv, CommandModule } from 'yargs';
import type { FoundTracks } from '../../../application/use-cases/tracks/find-track.js';
import { InvalidInputError, NaradaError } from '../../../domain/shared/errors.js';
import type { TrackId } from '../../../domain/track/track.js';
import { LIBRARY } from '../../di/library.tokens.js';
import { TRACKS } from '../../di/tracks.tokens.js';
import { withContext } from '../command.js';
import type { CommandContext } from '../context.js';
import type { GlobalArgs } from '../global-options.js';
import { commandGroup, documented } from '../help.js';
import { DATA_ENV, MUSICBRAINZ_ENV } from '../../config/environment.js';

interface ResolveArgs extends GlobalArgs {
  readonly limit?: number;
  readonly staleDays: number;
}
interface ShowArgs extends GlobalArgs {
  readonly query: readonly string[];
}
interface ReviewArgs extends GlobalArgs {
  readonly accept: readonly string[];
  readonly reject: readonly string[];
}
interface PinArgs extends GlobalArgs {
  readonly track: string;
  readonly service: string;
  readonly id: string;
}
interface MergeArgs extends GlobalArgs {
  readonly a: string;
  readonly b: string;
}
interface UnmergeArgs extends GlobalArgs {
  readonly track: string;
}
interface CompareArgs extends GlobalArgs {
  readonly pairs: string;
}

/** Ids and names stay text: yargs would otherwise turn `12` into a number. */
function asText(yargs: Argv<GlobalArgs>, names: readonly string[]): Argv<GlobalArgs> {
  return names.reduce((y, name) => y.positional(name, { type: 'string', demandOption: true }), yargs);
}

/** A track named for a change (pin, merge, unmerge): an id or a service link, or words naming exactly one track. */
async function oneTrack(ctx: CommandContext, text: string): Promise<TrackId> {
  const found: FoundTracks = await (await ctx.get(TRACKS.FindTrack))(text);
  if (found.others.length > 0) {
    const { trackTitle } = await import('../views/tracks-lines.js');
    const listed = [found.track, ...found.others].map((t) => `${t.id} (${trackTitle(t)})`).join(', ');
    throw new InvalidInputError(
      'IDENTITY.AMBIGUOUS_TRACK',
      `"${text}" matches several tracks: ${listed}; give the track id`,
    );
  }
  return found.track.id;
}

const resolveCommand: CommandModule<GlobalArgs, ResolveArgs> = {
  command: 'resolve',
  describe:
    'Resolve unresolved or stale tracks: local library first, then MusicBrainz (about one track a second)',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 tracks resolve', 'Resolve every unresolved track (about one a second on MusicBrainz)'],
        ['$0 tracks resolve --limit 100', 'At most 100 MusicBrainz look-ups this run'],
      ],
      env: [...MUSICBRAINZ_ENV, ...DATA_ENV],
    }).options({
      limit: {
        type: 'number',
        describe: 'Send at most N tracks to MusicBrainz this run (ISRC look-ups first)',
      },
      'stale-days': {
        type: 'number',
        default: 30,
        describe: 'Try again tracks last tried more than N days ago',
      },
    }) as unknown as Argv<ResolveArgs>, // camelCase aliases (`staleDays`) are not in yargs' inferred type
  handler: withContext<ResolveArgs>(async (ctx, args) => {
    for (const [flag, value] of [
      ['--limit', args.limit],
      ['--stale-days', args.staleDays],
    ] as const) {
      if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
        throw new InvalidInputError(
          'CLI.BAD_NUMBER',
          `${flag} must be a whole number of 0 or more, got ${String(value)}`,
        );
      }
    }
    const options = {
      ...(args.limit === undefined ? {} : { limit: args.limit }),
      staleAfterDays: args.staleDays,
    };
    const summary = await (await ctx.get(TRACKS.ResolveTracks)).run(options);
    if (summary.stopped !== null) {
      throw new NaradaError(
        summary.stopped.code,
        `${summary.stopped.message} (${summary.musicbrainz.tried} track(s) were resolved before it stopped; ` +
          'run `narada tracks resolve` again to continue)',
        'failure',
        { details: { summary } },
      );
    }
    const { renderResolveSummary } = await import('../views/tracks-lines.js');
    ctx.output.result(summary, renderResolveSummary);
  }),
};

const showCommand: CommandModule<GlobalArgs, ShowArgs> = {
  command: 'show <query..>',
  describe:
    'Show every identity of a track (by id, Spotify or MusicBrainz link, or words) with confidence and evidence',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 tracks show 42', 'Track 42: its identities, confidence and evidence'],
        ['$0 tracks show Massive Attack Teardrop', 'The track these words name'],
      ],
      env: DATA_ENV,
    }).positional('query', {
      type: 'string',
      array: true,
      demandOption: true,
    }) as unknown as Argv<ShowArgs>,
  handler: withContext<ShowArgs>(async (ctx, args) => {
    const report = await (await ctx.get(TRACKS.ShowTrack)).run(args.query.join(' '));
    const { renderTrackReport } = await import('../views/tracks-lines.js');
    ctx.output.result(report, renderTrackReport);
  }),
};

const reviewCommand: CommandModule<GlobalArgs, ReviewArgs> = {
  command: 'review',
  describe: 'Confirm or correct doubtful matches (interactive on a terminal; else lists the queue)',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 tracks review', 'Walk the doubtful matches (on a terminal), or list them'],
        ['$0 tracks review --accept 42.1 --reject 57', 'Decide without the interactive view'],
        ['$0 tracks review --accept L12.1', 'Link the ambiguous listens of track 12 to library candidate 1'],
      ],
      env: DATA_ENV,
    }).options({
      accept: {
        type: 'string',
        array: true,
        default: [],
        describe: 'Accept candidate <track>.<n> (or the best of <track>); L<track>.<n> for listens',
      },
      reject: {
        type: 'string',
        array: true,
        default: [],
        describe: 'Reject candidate <track>.<n> (or all of <track>); L<track> leaves listens unlinked',
      },
    }) as unknown as Argv<ReviewArgs>,
  handler: withContext<ReviewArgs>(async (ctx, args) => {
    const review = await ctx.get(TRACKS.ReviewMatches);
    // Listens that may be library tracks wait here too, under ids `L<track>[.<n>]`.
    const listenLinks = await ctx.get(LIBRARY.ReviewLinks);
    const { isListenLinkId } = await import('../../../application/use-cases/library/review-listen-links.js');
    const { linkedLine, renderReviewQueue } = await import('../views/tracks-lines.js');
    const { renderListenLinkQueue } = await import('../views/library-lines.js');
    const decisions = {
      accept: async (id: string) => linkedLine(await review.accept(id), `accepted ${id}`),
      reject: async (id: string) => `rejected ${await review.reject(id)} candidate(s) of ${id}`,
    };
    if (args.accept.length > 0 || args.reject.length > 0) {
      const done: string[] = [];
      for (const id of args.accept) {
        done.push(
          isListenLinkId(id)
            ? `accepted ${id}: ${await listenLinks.accept(id)} listen(s) linked`
            : await decisions.accept(id),
        );
      }
      for (const id of args.reject) {
        done.push(
          isListenLinkId(id)
            ? `rejected ${id}: ${await listenLinks.reject(id)} listen(s) left unlinked`
            : await decisions.reject(id),
        );
      }
      ctx.output.result({ decisions: done }, (r) => r.decisions);
      return;
    }
    const items = await review.queue();
    const links = await listenLinks.queue();
    if (ctx.runtime.stdinIsTTY && !ctx.output.json && items.length > 0) {
      const { reviewOnTerminal } = await import('../views/tracks-review.js');
      const tally = await reviewOnTerminal(items, decisions);
      ctx.output.result(tally, (t) => [
        `${t.accepted} accepted, ${t.rejected} rejected, ${t.skipped} skipped`,
        ...renderListenLinkQueue(links),
      ]);
      return;
    }
    ctx.output.result({ items, listenLinks: links }, (r) =>
      r.items.length === 0 && r.listenLinks.length > 0
        ? renderListenLinkQueue(r.listenLinks)
        : [...renderReviewQueue(r.items), ...renderListenLinkQueue(r.listenLinks)],
    );
  }),
};

const pinCommand: CommandModule<GlobalArgs, PinArgs> = {
  command: 'pin <track> <service> <id>',
  describe:
    'Set a manual match (a Spotify link, MusicBrainz recording or "Artist - Title") later runs never override',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(asText(yargs, ['track', 'service', 'id']), {
      examples: [
        ['$0 tracks pin 42 spotify 4uLU6hMCjMI75M1A2tKUQC', 'Track 42 is this Spotify track'],
        ['$0 tracks pin 42 lastfm "Portishead - Roads"', 'Track 42 is this Last.fm track'],
      ],
      env: DATA_ENV,
    }) as Argv<PinArgs>,
  handler: withContext<PinArgs>(async (ctx, args) => {
    const { parseServiceName, parseServiceRecordId } =
      await import('../../../application/tracks/service-record-id.js');
    const service = parseServiceName(args.service);
    const externalId = parseServiceRecordId(service, args.id);
    const trackId = await oneTrack(ctx, args.track);
    const outcome = await (await ctx.get(TRACKS.PinMapping)).run(trackId, service, externalId);
    const { linkedLine } = await import('../views/tracks-lines.js');
    ctx.output.result(outcome, (o) => linkedLine(o, `pinned ${service} ${args.id}`));
  }),
};

const mergeCommand: CommandModule<GlobalArgs, MergeArgs> = {
  command: 'merge <a> <b>',
  describe: 'Say two tracks are one recording: <b> is merged into <a> (undo with `tracks unmerge <b>`)',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(asText(yargs, ['a', 'b']), {
      examples: [['$0 tracks merge 42 57', 'Track 57 is the same recording as 42: merge it into 42']],
      env: DATA_ENV,
    }) as Argv<MergeArgs>,
  handler: withContext<MergeArgs>(async (ctx, args) => {
    const [a, b] = [await oneTrack(ctx, args.a), await oneTrack(ctx, args.b)];
    const merge = await (await ctx.get(TRACKS.MergeTracks)).run(a, b);
    const { mergeLine } = await import('../views/tracks-lines.js');
    ctx.output.result(merge, mergeLine);
  }),
};

const unmergeCommand: CommandModule<GlobalArgs, UnmergeArgs> = {
  command: 'unmerge <track>',
  describe: 'Undo the merge of a track exactly: its likes, plays, playlist items, metrics and links go back',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(asText(yargs, ['track']), {
      examples: [['$0 tracks unmerge 57', 'Undo the merge of track 57']],
      env: DATA_ENV,
    }) as Argv<UnmergeArgs>,
  handler: withContext<UnmergeArgs>(async (ctx, args) => {
    const trackId = /^\d+$/.test(args.track.trim()) ? Number(args.track) : await oneTrack(ctx, args.track);
    const unmerge = await (await ctx.get(TRACKS.UnmergeTrack)).run(trackId);
    const { mergeLine } = await import('../views/tracks-lines.js');
    ctx.output.result(unmerge, mergeLine);
  }),
};

/** The lines of a JSON-lines file of pairs, read as they are needed. */
async function pairsFileLines(path: string): Promise<Interface> {
  // A folder passes an existence check but fails later, mid-stream, as an unexpected EISDIR.
  const found = await stat(path).catch(() => null);
  if (found === null || !found.isFile()) {
    throw new InvalidInputError(
      'COMPARE.NO_FILE',
      `Cannot read ${path}${found === null ? '' : ' (a folder)'}; give the path of a JSON-lines file of pairs`,
    );
  }
  return createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
}

const compareCommand: CommandModule<GlobalArgs, CompareArgs> = {
  command: 'compare <pairs>',
  describe: "Score track pairs from a JSON-lines file with the resolver's scorer; one JSON line out per pair",
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(asText(yargs, ['pairs']), {
      examples: [['$0 tracks compare pairs.jsonl > scores.jsonl', 'Score every pair in the file']],
      env: ['NARADA_HOME'],
    }) as Argv<CompareArgs>,
  handler: withContext<CompareArgs>(async (ctx, args) => {
    const { compareTrackPairs } =
      await import('../../../application/use-cases/tracks/compare-track-pairs.js');
    const { writeCompareResults } = await import('../views/tracks-compare.js');
    const lines = await pairsFileLines(args.pairs);
    try {
      await writeCompareResults(compareTrackPairs(lines), ctx.output, ctx.runtime.stdout);
    } catch (error) {
      // The domain names the line; the file name is only known here.
      if (error instanceof NaradaError && error.category === 'input') {
        throw new InvalidInputError(error.code, `${args.pairs}: ${error.message}`, {
          cause: error,
          details: error.details,
        });
      }
      throw error;
    } finally {
      lines.close();
    }
  }),
};

export const tracksCommand = commandGroup<GlobalArgs>(
  'tracks',
  'Track identity: resolve, show, review, pin, merge, unmerge, compare',
  [resolveCommand, showCommand, reviewCommand, pinCommand, mergeCommand, unmergeCommand, compareCommand],
  {
    examples: [
      ['$0 tracks resolve', 'Resolve unresolved tracks through MusicBrainz'],
      ['$0 tracks review', 'Confirm or correct doubtful matches'],
    ],
    env: [...MUSICBRAINZ_ENV, ...DATA_ENV],
  },
);
