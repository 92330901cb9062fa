// What the scorer sees of an internal track, a service record or a MusicBrainz recording.
import type { MusicBrainzRecording } from '../ports/musicbrainz.port.js';
import type { MatchInput } from '../../domain/matching/match-input.js';
import type { ConnectorTrack } from '../../domain/track/connector-track.js';
import type { Track } from '../../domain/track/track.js';

export function trackMatchInput(track: Track): MatchInput {
  return {
    artists: track.artists,
    title: track.title,
    album: track.album,
    durationMs: track.durationMs,
    isrc: track.isrc?.value ?? null,
    mbid: track.mbid?.value ?? null,
  };
}

/** True when the scorer would see the two tracks alike (another read of one track, say). */
export function sameMatchFacts(a: Track, b: Track): boolean {
  return (
    a.title === b.title &&
    a.album === b.album &&
    a.durationMs === b.durationMs &&
    a.artists.length === b.artists.length &&
    a.artists.every((artist, at) => artist === b.artists[at]) &&
    (a.isrc?.value ?? null) === (b.isrc?.value ?? null) &&
    (a.mbid?.value ?? null) === (b.mbid?.value ?? null)
  );
}

export function recordMatchInput(record: ConnectorTrack): MatchInput {
  return {
    artists: record.artists,
    title: record.title,
    album: record.album,
    durationMs: record.durationMs,
    isrc: record.isrc?.value ?? null,
    spotifyId: record.service === 'spotify' ? record.externalId : null,
    mbid: record.service === 'musicbrainz' ? record.externalId : null,
  };
}

/**
 * A recording may carry several ISRCs: the track's, when the recording has it (or was found by it), is
 * the one compared; otherwise the first, so a different code still counts as (weak) evidence.
 */
export function recordingMatchInput(
  recording: MusicBrainzRecording,
  track: Track,
  foundByIsrc: boolean,
): MatchInput {
  const carried = foundByIsrc ? track.isrc : recording.isrcs.find((code) => code.equals(track.isrc));
  const isrc = carried ?? recording.isrcs[0] ?? null;
  // The release named like the track's album, else the first: a recording appears on many releases.
  const wanted = track.album?.trim().toLowerCase();
  const release =
    recording.releases.find((r) => r.title.trim().toLowerCase() === wanted) ?? recording.releases[0];
  const album = release?.title ?? null;
  return {
    artists: recording.artists,
    title: recording.title,
    album,
    durationMs: recording.lengthMs,
    isrc: isrc?.value ?? null,
    mbid: recording.id.value,
  };
}
