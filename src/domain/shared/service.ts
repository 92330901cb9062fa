// The services Narada speaks to, and where a record came from.

export type ServiceName = 'spotify' | 'lastfm' | 'musicbrainz';

export const SERVICES: readonly ServiceName[] = ['spotify', 'lastfm', 'musicbrainz'];

/** Where an internal record was first learned from. */
export type RecordSource = ServiceName | 'spotify_export' | 'listenbrainz' | 'manual' | 'narada';
