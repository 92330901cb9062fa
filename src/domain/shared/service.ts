// The services Narada speaks to, and where a record came from.

/**
 * ListenBrainz is only sent listens to (`history backfill listenbrainz`): no record of it is kept.
 * `local` is the media library: a music file's record, keyed by the hash of its audio (docs/LIBRARY.md).
 */
export type ServiceName = 'spotify' | 'lastfm' | 'musicbrainz' | 'listenbrainz' | 'local';

export const SERVICES: readonly ServiceName[] = ['spotify', 'lastfm', 'musicbrainz'];

/** Where an internal record was first learned from. */
export type RecordSource = ServiceName | 'spotify_export' | 'listenbrainz' | 'manual' | 'narada';
