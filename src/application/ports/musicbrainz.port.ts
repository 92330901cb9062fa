// What Narada needs from MusicBrainz, in Narada's own terms: recordings by ISRC, id or search, and the
// releases and release groups that date them. A miss is an ordinary answer (null or []), not an error.
import type { ConnectorTrack } from '../../domain/track/connector-track.js';
import type { Isrc } from '../../domain/values/isrc.js';
import type { Mbid } from '../../domain/values/mbid.js';
import type { PartialDate } from '../../domain/values/partial-date.js';
import type { EpochMs } from '../../domain/values/time.js';

/** One credited artist, as the recording or release spells it ("feat." lives in `joinPhrase`). */
export interface MusicBrainzArtistCredit {
  readonly artistId: Mbid;
  /** The name as credited here, which may differ from the artist's own name. */
  readonly name: string;
  readonly artistName: string;
  readonly joinPhrase: string;
}

export interface MusicBrainzReleaseGroup {
  readonly id: Mbid;
  readonly title: string;
  /** Album, Single, EP, …; null when not set. */
  readonly primaryType: string | null;
  /** Compilation, Live, Remix, … */
  readonly secondaryTypes: readonly string[];
  /** The earliest release of the group: the "original release date" era stats need. */
  readonly firstReleaseDate: PartialDate | null;
  readonly artistCredit: readonly MusicBrainzArtistCredit[];
}

export interface MusicBrainzRelease {
  readonly id: Mbid;
  readonly title: string;
  /** Official, Promotion, Bootleg, Pseudo-Release; null when unknown. */
  readonly status: string | null;
  readonly date: PartialDate | null;
  readonly country: string | null;
  readonly artistCredit: readonly MusicBrainzArtistCredit[];
  /** Present when the look-up asked for release groups. */
  readonly releaseGroup: MusicBrainzReleaseGroup | null;
}

export interface MusicBrainzRecording {
  readonly id: Mbid;
  readonly title: string;
  readonly disambiguation: string | null;
  readonly lengthMs: number | null;
  readonly video: boolean;
  readonly artistCredit: readonly MusicBrainzArtistCredit[];
  /** Credited names in credit order; the first is the primary artist. */
  readonly artists: readonly string[];
  readonly isrcs: readonly Isrc[];
  readonly firstReleaseDate: PartialDate | null;
  readonly releases: readonly MusicBrainzRelease[];
  /** The wire JSON this was read from, for ConnectorTrack.raw. */
  readonly raw: unknown;
}

/** Fields of a recording search; at least one must be given. Values are plain text, escaped by the adapter. */
export interface RecordingSearch {
  readonly title?: string;
  readonly artist?: string;
  readonly isrc?: string;
  readonly release?: string;
  /** 1–100, default 25. */
  readonly limit?: number;
  readonly offset?: number;
}

export interface RecordingSearchHit {
  readonly recording: MusicBrainzRecording;
  /** MusicBrainz's relevance, 0–100. */
  readonly score: number;
}

export interface RecordingSearchPage {
  readonly hits: readonly RecordingSearchHit[];
  /** All matches, across pages. */
  readonly count: number;
  readonly offset: number;
}

export interface MusicBrainzPort {
  /**
   * Many ISRCs in few requests (the search API, up to 100 a query): each ISRC asked for → the
   * recordings carrying it, [] when none. Recordings come with credits, ISRCs, releases and their
   * release groups, but search answers leave out the groups' first-release dates.
   */
  recordingsByIsrcs(isrcs: readonly Isrc[]): Promise<ReadonlyMap<string, readonly MusicBrainzRecording[]>>;
  /** Many recording MBIDs in few requests, as above; an MBID that is no recording is left out. */
  recordingsByIds(ids: readonly Mbid[]): Promise<ReadonlyMap<string, MusicBrainzRecording>>;
  /** Many release groups in few requests, with first-release dates; unknown ids are left out. */
  releaseGroupsByIds(ids: readonly Mbid[]): Promise<ReadonlyMap<string, MusicBrainzReleaseGroup>>;
  /**
   * One recording, looked up (cached) with artist credits, ISRCs, releases and their release groups;
   * null when MusicBrainz has no such id. For one-off questions (a pin, a playlist row); passes over
   * many tracks use the batches above.
   */
  recording(id: Mbid): Promise<MusicBrainzRecording | null>;
  searchRecordings(search: RecordingSearch): Promise<RecordingSearchPage>;
  /** With artist credits and its release group; null when unknown. */
  release(id: Mbid): Promise<MusicBrainzRelease | null>;
  releaseGroup(id: Mbid): Promise<MusicBrainzReleaseGroup | null>;
}

/**
 * The recording as MusicBrainz's record of a track. Its album is the earliest official release (the
 * one a listener most likely knows), else the first listed; its ISRC is the first MusicBrainz lists.
 */
export function musicBrainzConnectorTrack(
  recording: MusicBrainzRecording,
  fetchedAt: EpochMs,
): ConnectorTrack {
  return {
    service: 'musicbrainz',
    externalId: recording.id.value,
    title: recording.title,
    artists: recording.artists,
    album: representativeRelease(recording.releases)?.title ?? null,
    durationMs: recording.lengthMs,
    isrc: recording.isrcs[0] ?? null,
    releaseDate: recording.firstReleaseDate,
    attributes: { disambiguation: recording.disambiguation, video: recording.video },
    raw: recording.raw,
    fetchedAt,
  };
}

function representativeRelease(releases: readonly MusicBrainzRelease[]): MusicBrainzRelease | null {
  const official = releases.filter((r) => r.status === 'Official');
  const candidates = official.length > 0 ? official : releases;
  let earliest: MusicBrainzRelease | null = null;
  for (const release of candidates) {
    if (release.date === null) continue;
    if (earliest?.date == null || release.date.compare(earliest.date) < 0) earliest = release;
  }
  return earliest ?? candidates[0] ?? null;
}
