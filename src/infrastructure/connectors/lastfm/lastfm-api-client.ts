// Narada's Last.fm connector: the LastfmPort over API 2.0, one small module per concern (history,
// tracks, loves, scrobbles); transport, signing and error mapping are shared below them.
import type { CredentialStore } from '../../../application/ports/credential-store.port.js';
import type {
  ArtistTopTracksQuery,
  LastfmChartPage,
  LastfmChartTrack,
  LastfmIdentity,
  LastfmListenPage,
  LastfmLovedTracksPage,
  LastfmPort,
  LastfmSearchHit,
  LastfmTag,
  LastfmTrackInfo,
  LastfmTrackRef,
  LovedTracksQuery,
  RecentTracksQuery,
  ScrobbleReport,
  ScrobbleSubmission,
  SimilarTracksQuery,
  TrackInfoQuery,
  TrackSearchQuery,
  UserTopTracksQuery,
} from '../../../application/ports/lastfm.port.js';
import {
  fetchArtistTopTags,
  fetchArtistTopTracks,
  fetchSimilarTracks,
  fetchTrackTopTags,
  fetchUserTopTracks,
} from './lastfm-discovery-calls.js';
import { fetchRecentTracks } from './lastfm-history-calls.js';
import { changeLove, fetchLovedTracks } from './lastfm-love-calls.js';
import { scrobbleAll } from './lastfm-scrobble-calls.js';
import { fetchTrackInfo, searchTracks } from './lastfm-track-calls.js';
import { LastfmTransport, type LastfmClientConfig, type LastfmHttp } from './lastfm-transport.js';

export interface LastfmApiClientDeps {
  readonly config: LastfmClientConfig;
  /** Build it with createLastfmHttpClient so Last.fm's errors are classified and retried. */
  readonly http: LastfmHttp;
  /** Where `narada auth lastfm` stored the session; configuration wins over it. */
  readonly credentials?: CredentialStore;
}

export class LastfmApiClient implements LastfmPort {
  private readonly transport: LastfmTransport;

  constructor({ config, http, credentials }: LastfmApiClientDeps) {
    this.transport = new LastfmTransport(config, http, credentials ?? null);
  }

  getRecentTracks(query?: RecentTracksQuery): Promise<LastfmListenPage> {
    return fetchRecentTracks(this.transport, query);
  }

  getTrackInfo(query: TrackInfoQuery): Promise<LastfmTrackInfo | null> {
    return fetchTrackInfo(this.transport, query);
  }

  searchTracks(query: TrackSearchQuery): Promise<readonly LastfmSearchHit[]> {
    return searchTracks(this.transport, query);
  }

  getLovedTracks(query?: LovedTracksQuery): Promise<LastfmLovedTracksPage> {
    return fetchLovedTracks(this.transport, query);
  }

  love(track: LastfmTrackRef): Promise<void> {
    return changeLove(this.transport, track, true);
  }

  unlove(track: LastfmTrackRef): Promise<void> {
    return changeLove(this.transport, track, false);
  }

  scrobble(items: readonly ScrobbleSubmission[]): Promise<ScrobbleReport> {
    return scrobbleAll(this.transport, items);
  }

  getSimilarTracks(query: SimilarTracksQuery): Promise<readonly LastfmChartTrack[] | null> {
    return fetchSimilarTracks(this.transport, query);
  }

  getUserTopTracks(query?: UserTopTracksQuery): Promise<LastfmChartPage> {
    return fetchUserTopTracks(this.transport, query);
  }

  getArtistTopTracks(query: ArtistTopTracksQuery): Promise<LastfmChartPage | null> {
    return fetchArtistTopTracks(this.transport, query);
  }

  getTrackTopTags(track: LastfmTrackRef): Promise<readonly LastfmTag[] | null> {
    return fetchTrackTopTags(this.transport, track);
  }

  getArtistTopTags(artist: string): Promise<readonly LastfmTag[] | null> {
    return fetchArtistTopTags(this.transport, artist);
  }

  async whoAmI(): Promise<LastfmIdentity | null> {
    const username = await this.transport.knownUsername();
    if (username === null) return null;
    const canWrite = this.transport.config.apiSecret !== null && (await this.transport.hasSession());
    return { username, canWrite };
  }
}
