// A music file as a connector record of the service `local`, so it goes through the identity pipeline
// like any service's record: its key is the audio hash, so the same audio anywhere is one record.
import type { ConnectorTrack } from '../../domain/track/connector-track.js';
import { Isrc } from '../../domain/values/isrc.js';
import { Mbid } from '../../domain/values/mbid.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { MediaFileFacts } from '../ports/media-files.port.js';

export function localRecord(path: string, facts: MediaFileFacts, at: EpochMs): ConnectorTrack {
  const { tags } = facts;
  return {
    service: 'local',
    externalId: facts.audioHash,
    title: tags.title ?? fileStem(path),
    artists: tags.artists,
    album: tags.album,
    durationMs: tags.durationMs,
    isrc: Isrc.tryParse(tags.isrc),
    releaseDate: null,
    // `mbid` is the recording MBID: ingest links on it as it does for Last.fm's.
    attributes: {
      mbid: Mbid.tryParse(tags.recordingMbid)?.value ?? null,
      releaseMbid: Mbid.tryParse(tags.releaseMbid)?.value ?? null,
      trackNumber: tags.trackNumber,
      discNumber: tags.discNumber,
      genre: tags.genre,
    },
    raw: tags,
    fetchedAt: at,
  };
}

/** An untitled file is named after its file name, without folder or extension. */
function fileStem(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
