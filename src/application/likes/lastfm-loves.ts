// The user's Last.fm loves, and where a Spotify track stands among them: loved already (under this
// or another spelling of it), or to be loved under the name Last.fm knows it by.
import type { LastfmPort, LastfmTrackInfo } from '../ports/lastfm.port.js';
import { CandidateIndex } from '../../domain/matching/candidate-index.js';
import { prepareMatchInput } from '../../domain/matching/match-input.js';
import { bestMatch } from '../../domain/matching/resolve-match.js';
import { plainTitle } from '../../domain/likes/plain-title.js';
import type { SourceLike, TargetLike } from '../../domain/likes/source-like.js';
import { lastfmTrackKey } from '../../domain/track/connector-track.js';
import type { LikeResolution } from './likes-sync-direction.js';

/** Loves per `user.getLovedTracks` page: few requests even for a large library. */
export const LOVES_PAGE_SIZE = 1000;

export class LastfmLoves {
  private readonly byKey = new Map<string, TargetLike>();
  private index = new CandidateIndex<TargetLike>();
  private loaded = false;

  constructor(private readonly lastfm: LastfmPort) {}

  async load(): Promise<void> {
    if (this.loaded) return;
    const loves: TargetLike[] = [];
    for (let page = 1, pages = 1; page <= pages; page++) {
      const result = await this.lastfm.getLovedTracks({ page, limit: LOVES_PAGE_SIZE });
      pages = result.totalPages;
      for (const love of result.tracks) loves.push(target(love.artist, love.title));
    }
    for (const love of loves) this.byKey.set(love.key, love);
    this.index = CandidateIndex.build(loves, (love) =>
      prepareMatchInput({ artists: [love.artist], title: love.title }),
    );
    this.loaded = true;
  }

  async resolve(like: SourceLike): Promise<LikeResolution> {
    const loved = this.lovedAlready(like);
    if (loved !== null) return { kind: 'present', target: loved };
    const info = await this.trackInfo(like);
    if (info === null) {
      return {
        kind: 'unmatched',
        reason: `Last.fm does not know "${like.title}" by ${like.artists[0] ?? 'an unknown artist'}`,
      };
    }
    const named = target(info.artist, info.title);
    const known = this.byKey.get(named.key);
    if (known !== undefined) return { kind: 'present', target: known };
    if (info.userLoved === true) {
      this.byKey.set(named.key, named);
      return { kind: 'present', target: named };
    }
    this.byKey.set(named.key, named);
    return { kind: 'write', target: named };
  }

  /** The love under the same names, or under a spelling the matcher accepts as the same recording. */
  private lovedAlready(like: SourceLike): TargetLike | null {
    const artist = like.artists[0] ?? '';
    const exact =
      this.byKey.get(lastfmTrackKey(artist, like.title)) ??
      this.byKey.get(lastfmTrackKey(artist, plainTitle(like.title)));
    if (exact !== undefined) return exact;
    const best = bestMatch(prepareMatchInput({ artists: like.artists, title: like.title }), this.index);
    return best !== null && best.score.decision === 'accept' ? best.item : null;
  }

  /** Last.fm's facts under its autocorrected names; Spotify's remaster tags are dropped if they hide the song. */
  private async trackInfo(like: SourceLike): Promise<LastfmTrackInfo | null> {
    const artist = like.artists[0] ?? '';
    const info = await this.lastfm.getTrackInfo({ artist, title: like.title });
    const plain = plainTitle(like.title);
    if (info !== null || plain === like.title) return info;
    return this.lastfm.getTrackInfo({ artist, title: plain });
  }
}

function target(artist: string, title: string): TargetLike {
  return { key: lastfmTrackKey(artist, title), artist, title };
}
