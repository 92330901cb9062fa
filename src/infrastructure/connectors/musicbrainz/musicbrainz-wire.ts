// The parts of MusicBrainz WS/2 JSON Narada reads, as schemas. Lenient on purpose: keys come and go
// with the `inc` parameter and between look-ups and search, so all but ids and titles are optional.
import { z } from 'zod';

const text = z.string().nullish();

export const wireArtistCredit = z.object({
  name: z.string(),
  joinphrase: text,
  artist: z.object({ id: z.string(), name: z.string() }),
});

export const wireReleaseGroup = z.object({
  id: z.string(),
  title: z.string(),
  'primary-type': text,
  'secondary-types': z.array(z.string()).nullish(),
  'first-release-date': text,
  'artist-credit': z.array(wireArtistCredit).nullish(),
});

export const wireRelease = z.object({
  id: z.string(),
  title: z.string(),
  status: text,
  date: text,
  country: text,
  'artist-credit': z.array(wireArtistCredit).nullish(),
  'release-group': wireReleaseGroup.nullish(),
});

export const wireRecording = z.object({
  id: z.string(),
  title: z.string(),
  disambiguation: text,
  length: z.number().nullish(),
  video: z.boolean().nullish(),
  'first-release-date': text,
  isrcs: z.array(z.string()).nullish(),
  'artist-credit': z.array(wireArtistCredit).nullish(),
  releases: z.array(wireRelease).nullish(),
});

/** Envelopes hold their entities unparsed, so each recording keeps its own wire JSON as `raw`. */
export const wireRecordingSearch = z.object({
  count: z.number(),
  offset: z.number(),
  recordings: z.array(z.unknown()),
});

export const wireReleaseGroupSearch = z.object({
  count: z.number(),
  offset: z.number(),
  'release-groups': z.array(z.unknown()),
});

export const wireSearchScore = z.object({ score: z.coerce.number() });

export type WireArtistCredit = z.infer<typeof wireArtistCredit>;
export type WireReleaseGroup = z.infer<typeof wireReleaseGroup>;
export type WireRelease = z.infer<typeof wireRelease>;
export type WireRecording = z.infer<typeof wireRecording>;
