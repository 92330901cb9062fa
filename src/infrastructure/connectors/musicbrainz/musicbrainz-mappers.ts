// Pure mapping from MusicBrainz WS/2 JSON to the port's typed results. Malformed answers become one
// clear upstream error instead of undefined fields deep inside a use case.
import type {
  MusicBrainzArtistCredit,
  MusicBrainzRecording,
  MusicBrainzRelease,
  MusicBrainzReleaseGroup,
  RecordingSearchPage,
} from '../../../application/ports/musicbrainz.port.js';
import { UpstreamError, upstreamCode } from '../../../application/ports/upstream-errors.js';
import { Isrc } from '../../../domain/values/isrc.js';
import { Mbid } from '../../../domain/values/mbid.js';
import { PartialDate } from '../../../domain/values/partial-date.js';
import {
  wireRecording,
  wireRecordingSearch,
  wireRelease,
  wireReleaseGroup,
  wireReleaseGroupSearch,
  wireSearchScore,
  type WireArtistCredit,
  type WireRecording,
  type WireRelease,
  type WireReleaseGroup,
} from './musicbrainz-wire.js';

/** A recording look-up (`/recording/{mbid}`) or one recording of a list. */
export function mapRecording(json: unknown): MusicBrainzRecording {
  return readable('recording', () => recordingFrom(wireRecording.parse(json), json));
}

/** `/recording?query=…`: one page of hits with MusicBrainz's 0–100 score. */
export function mapRecordingSearch(json: unknown): RecordingSearchPage {
  return readable('recording search', () => {
    const page = wireRecordingSearch.parse(json);
    const hits = page.recordings.map((hit) => ({
      recording: mapRecording(hit),
      score: wireSearchScore.parse(hit).score,
    }));
    return { hits, count: page.count, offset: page.offset };
  });
}

/** `/release-group?query=…`: one page of release groups, with their first-release dates. */
export function mapReleaseGroupSearch(json: unknown): {
  releaseGroups: MusicBrainzReleaseGroup[];
  count: number;
} {
  return readable('release group search', () => {
    const page = wireReleaseGroupSearch.parse(json);
    return { releaseGroups: page['release-groups'].map(mapReleaseGroup), count: page.count };
  });
}

export function mapRelease(json: unknown): MusicBrainzRelease {
  return readable('release', () => releaseFrom(wireRelease.parse(json)));
}

export function mapReleaseGroup(json: unknown): MusicBrainzReleaseGroup {
  return readable('release group', () => releaseGroupFrom(wireReleaseGroup.parse(json)));
}

function recordingFrom(wire: WireRecording, raw: unknown): MusicBrainzRecording {
  const artistCredit = creditsFrom(wire['artist-credit']);
  return {
    id: Mbid.parse(wire.id),
    title: wire.title,
    disambiguation: nonEmpty(wire.disambiguation),
    lengthMs: wire.length ?? null,
    video: wire.video ?? false,
    artistCredit,
    artists: artistCredit.map((credit) => credit.name),
    // MusicBrainz validates ISRCs on entry; anything unreadable is dropped rather than failing the recording.
    isrcs: (wire.isrcs ?? [])
      .map((code) => Isrc.tryParse(code))
      .filter((isrc): isrc is Isrc => isrc !== null),
    firstReleaseDate: PartialDate.tryParse(wire['first-release-date']),
    releases: (wire.releases ?? []).map(releaseFrom),
    raw,
  };
}

function releaseFrom(wire: WireRelease): MusicBrainzRelease {
  const group = wire['release-group'];
  return {
    id: Mbid.parse(wire.id),
    title: wire.title,
    status: nonEmpty(wire.status),
    date: PartialDate.tryParse(wire.date),
    country: nonEmpty(wire.country),
    artistCredit: creditsFrom(wire['artist-credit']),
    releaseGroup: group ? releaseGroupFrom(group) : null,
  };
}

function releaseGroupFrom(wire: WireReleaseGroup): MusicBrainzReleaseGroup {
  return {
    id: Mbid.parse(wire.id),
    title: wire.title,
    primaryType: nonEmpty(wire['primary-type']),
    secondaryTypes: wire['secondary-types'] ?? [],
    firstReleaseDate: PartialDate.tryParse(wire['first-release-date']),
    artistCredit: creditsFrom(wire['artist-credit']),
  };
}

function creditsFrom(wire: readonly WireArtistCredit[] | null | undefined): MusicBrainzArtistCredit[] {
  return (wire ?? []).map((credit) => ({
    artistId: Mbid.parse(credit.artist.id),
    name: credit.name,
    artistName: credit.artist.name,
    joinPhrase: credit.joinphrase ?? '',
  }));
}

function nonEmpty(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

/** Runs a mapping; any schema or value failure becomes MUSICBRAINZ.BAD_RESPONSE naming what was read. */
function readable<T>(what: string, map: () => T): T {
  try {
    return map();
  } catch (error) {
    if (error instanceof UpstreamError) throw error;
    throw new UpstreamError(
      'musicbrainz',
      upstreamCode('musicbrainz', 'BAD_RESPONSE'),
      `MusicBrainz sent a ${what} Narada cannot read (${describe(error)}); try again later or report it`,
      'failure',
      { cause: error, retryable: false },
    );
  }
}

function describe(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const issues = (error as { issues?: unknown }).issues;
  if (Array.isArray(issues) && issues.length > 0) {
    const first = issues[0] as { path?: unknown[]; message?: unknown };
    return `${(first.path ?? []).join('.') || 'body'}: ${String(first.message)}`;
  }
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' ? message : 'unreadable';
}
