// Track matching throughput: pair scores per second (the `narada tracks compare` path) and resolving
// 10,000 tracks against a 100,000-track library through the candidate index. Data generated with a seed.
import { CandidateIndex } from '../src/domain/matching/candidate-index.js';
import { prepareMatchInput, type MatchInput } from '../src/domain/matching/match-input.js';
import { scorePrepared } from '../src/domain/matching/match-scorer.js';
import { bestMatch } from '../src/domain/matching/resolve-match.js';
import { loadavg } from 'node:os';
import { peakRssMb, report, seededRandom, type BenchResult } from './harness.js';
import { capitalise, PLAIN_SYLLABLES } from './support/made-up-words.js';

const random = seededRandom(20260117);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
/** Zipf-like: low indexes far more often, so some title words are common ("love") and most are rare. */
const pickSkewed = <T>(items: readonly T[]): T => items[Math.floor(random() ** 2.2 * items.length)]!;

const SYLLABLES = [
  ...PLAIN_SYLLABLES,
  'mé',
  'lö',
  'ré',
  'sun',
  'ga',
  'ti',
  'vo',
  'ham',
  'el',
  'ys',
  'qu',
  'den',
  'fi',
  'jo',
];
const KANA = ['カ', 'ロ', 'ミ', 'ラ', 'サ', 'ト', 'ネ', 'リ', 'ベ', 'ル', 'ゾ', 'ア', 'ヒ', 'ソ', 'ウ', 'ノ'];

function word(): string {
  const count = 2 + Math.floor(random() * 2);
  let text = '';
  for (let i = 0; i < count; i++) text += pick(SYLLABLES);
  return text;
}
const VOCABULARY = Array.from({ length: 6000 }, word);

function artistName(): string {
  if (random() < 0.03) return Array.from({ length: 3 + Math.floor(random() * 3) }, () => pick(KANA)).join('');
  const words = Array.from({ length: 1 + Math.floor(random() * 2) }, () => capitalise(word()));
  return (random() < 0.15 ? 'The ' : '') + words.join(' ');
}
const ARTISTS = Array.from({ length: 20000 }, artistName);

function titleText(): string {
  return Array.from({ length: 1 + Math.floor(random() * 4) }, () => capitalise(pickSkewed(VOCABULARY))).join(
    ' ',
  );
}

function isrc(n: number): string {
  return `QZ${String.fromCharCode(65 + (n % 26))}${String(10 + (n % 90)).padStart(2, '0')}${String(n).padStart(7, '0')}`;
}

function libraryTrack(n: number): MatchInput {
  const artists = random() < 0.15 ? [pick(ARTISTS), pick(ARTISTS)] : [pick(ARTISTS)];
  return {
    artists,
    title: titleText(),
    album: random() < 0.8 ? titleText() : null,
    durationMs: Math.round(120_000 + random() * 300_000),
    isrc: random() < 0.5 ? isrc(n) : null,
  };
}

const strip = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** The same recording as another service spells it: case, tags, credits, diacritics, a few seconds. */
function respelled(track: MatchInput): MatchInput {
  const [first = '', ...others] = track.artists;
  let title = random() < 0.3 ? track.title.toLowerCase() : track.title;
  if (random() < 0.2) title += pick([' - Remastered 2011', ' (2015 Remaster)', ' - Album Version']);
  let artists: string[] = [first, ...others];
  if (others.length > 0 && random() < 0.5) {
    title += ` (feat. ${others.join(' & ')})`;
    artists = [first];
  }
  if (random() < 0.3) artists = artists.map(strip);
  if (random() < 0.2) artists = artists.map((name) => name.replace(/^The /, ''));
  return {
    artists,
    title,
    album: random() < 0.5 ? track.album : random() < 0.5 ? null : titleText(),
    durationMs: track.durationMs == null ? null : track.durationMs + Math.round((random() - 0.5) * 6000),
    isrc: random() < 0.3 ? track.isrc : null,
  };
}

/** An artist whose name is not the same act's ("The Tiqu" and "Tiqu" are one act). */
function anotherArtist(artist: string): string {
  const bare = (name: string): string => name.replace(/^The /, '');
  let other = pick(ARTISTS);
  while (bare(other) === bare(artist)) other = pick(ARTISTS);
  return other;
}

/** A different recording of the same song: live, remix, acoustic, or a cover. */
function otherVersion(track: MatchInput): MatchInput {
  if (random() < 0.3) return { ...track, artists: [anotherArtist(track.artists[0] ?? '')], isrc: null };
  const tag = pick([' - Live', ' (Live at Wembley)', ' - Remix', ' (Acoustic)', ' - Radio Edit', ' (Demo)']);
  return {
    ...track,
    title: track.title + tag,
    isrc: null,
    durationMs: (track.durationMs ?? 200_000) + 25_000,
  };
}

function novelTrack(): MatchInput {
  return { artists: [pick(ARTISTS)], title: `${titleText()} ${capitalise(word())}`, durationMs: 200_000 };
}

interface Measured {
  readonly seconds: number;
  readonly cpuSeconds: number;
}

/** Wall and CPU time of `run`; the CPU figure shows the cost when other processes share the cores. */
function measure(run: () => void): Measured {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  run();
  const used = process.cpuUsage(cpu);
  return {
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

/** Best of a few rounds: the usual way to keep a loaded machine's stalls out of a throughput figure. */
function bestOf(rounds: number, run: () => void): Measured {
  let best: Measured = { seconds: Number.POSITIVE_INFINITY, cpuSeconds: Number.POSITIVE_INFINITY };
  for (let round = 0; round < rounds; round++) {
    const measured = measure(run);
    if (measured.seconds < best.seconds) best = measured;
  }
  return best;
}

function pairScoring(): BenchResult[] {
  const pairs = Array.from({ length: 30_000 }, (_, n) => {
    const a = libraryTrack(n);
    const roll = random();
    return [
      a,
      roll < 0.5 ? respelled(a) : roll < 0.8 ? otherVersion(a) : libraryTrack(n + 1_000_000),
    ] as const;
  });
  const prepared = pairs.map(([a, b]) => [prepareMatchInput(a), prepareMatchInput(b)] as const);
  const scoreOnly = bestOf(3, () => {
    for (const [a, b] of prepared) scorePrepared(a, b);
  });
  const endToEnd = bestOf(3, () => {
    for (const [a, b] of pairs) scorePrepared(prepareMatchInput(a), prepareMatchInput(b));
  });
  const scoresPerSecond = Math.round(pairs.length / scoreOnly.seconds);
  return [
    {
      name: `score ${pairs.length.toLocaleString('en')} generated pairs (half respellings, a third other versions or covers)`,
      metrics: {
        scores_per_s: scoresPerSecond,
        scores_per_cpu_s: Math.round(pairs.length / scoreOnly.cpuSeconds),
        pairs_per_s_with_preparation: Math.round(pairs.length / endToEnd.seconds),
        pairs_per_cpu_s_with_preparation: Math.round(pairs.length / endToEnd.cpuSeconds),
        load_average_1m: Math.round(loadavg()[0]! * 10) / 10,
      },
      target: '>= 20,000 pair scores/s',
      pass: scoresPerSecond >= 20_000,
    },
  ];
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

function resolution(): BenchResult[] {
  const library = Array.from({ length: 100_000 }, (_, n) => ({ n, track: libraryTrack(n) }));
  const queries = Array.from({ length: 10_000 }, () => {
    const source = library[Math.floor(random() * library.length)]!;
    const roll = random();
    if (roll < 0.7) return { expected: source.n, track: respelled(source.track) };
    return { expected: null, track: roll < 0.85 ? otherVersion(source.track) : novelTrack() };
  });
  let index = new CandidateIndex<(typeof library)[number]>();
  const built = measure(() => {
    index = CandidateIndex.build(library, (entry) => prepareMatchInput(entry.track));
  });
  let matches: Array<ReturnType<typeof bestMatch<(typeof library)[number]>>> = [];
  const resolved = measure(() => {
    matches = queries.map((query) => bestMatch(prepareMatchInput(query.track), index));
  });
  let found = 0;
  let wrongAccepts = 0;
  matches.forEach((match, at) => {
    const expected = queries[at]!.expected;
    const accepted = match !== null && match.score.decision === 'accept' ? match.item.n : null;
    if (expected !== null && accepted === expected) found++;
    if (accepted !== null && accepted !== expected) wrongAccepts++;
  });
  const present = queries.filter((query) => query.expected !== null).length;
  const seconds = built.seconds + resolved.seconds;
  return [
    {
      name: 'resolve 10,000 tracks against a 100,000-track library (index build + blocking + scoring)',
      metrics: {
        seconds: round(seconds),
        cpu_seconds: round(built.cpuSeconds + resolved.cpuSeconds),
        index_build_seconds: round(built.seconds),
        index_build_cpu_seconds: round(built.cpuSeconds),
        resolve_seconds: round(resolved.seconds),
        resolve_cpu_seconds: round(resolved.cpuSeconds),
        heap_used_mb: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
        peak_rss_mb: peakRssMb(),
        accepted_correct_share: round(found / present),
        wrong_accepts: wrongAccepts,
        load_average_1m: Math.round(loadavg()[0]! * 10) / 10,
      },
      target: '< 10 s',
      pass: seconds < 10,
    },
  ];
}

// Resolution first, so the peak RSS it reports is its own and not the pair benchmark's leftovers.
const results = [...resolution(), ...pairScoring()];
for (const result of results)
  console.log(`${result.name}: ${JSON.stringify(result.metrics)} pass=${result.pass}`);
report(results);
