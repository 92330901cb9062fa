// The fake Last.fm's world: users with scrobbles and loves, a track catalogue with counts,
// autocorrections, and the login tokens and sessions. Seeded by tests, changed by write methods.

/** One scrobble as stored; `timestamp` is unix seconds like on the wire. */
export interface FakeScrobble {
  readonly artist: string;
  readonly track: string;
  readonly album: string | null;
  readonly timestamp: number;
  readonly mbid: string | null;
  readonly artistMbid: string | null;
  readonly albumMbid: string | null;
}

export interface FakeLove {
  readonly artist: string;
  readonly track: string;
  /** Unix seconds. */
  readonly date: number;
}

export interface FakeNowPlaying {
  readonly artist: string;
  readonly track: string;
  readonly album: string | null;
}

export interface FakeCatalogTrack {
  readonly artist: string;
  readonly track: string;
  readonly mbid: string | null;
  readonly artistMbid: string | null;
  readonly album: string | null;
  readonly albumMbid: string | null;
  readonly durationMs: number;
  readonly playcount: number;
  readonly listeners: number;
  readonly tags: readonly string[];
  /** Per-user play counts; a user missing here is counted from their scrobbles. */
  readonly userPlaycounts: Readonly<Record<string, number>>;
}

export interface FakeUser {
  readonly name: string;
  /** Kept newest first. */
  scrobbles: FakeScrobble[];
  readonly loves: Map<string, FakeLove>;
  nowPlaying: FakeNowPlaying | null;
}

export function trackKey(artist: string, track: string): string {
  return `${artist.trim().toLowerCase()}\u001f${track.trim().toLowerCase()}`;
}

export class FakeLastfmState {
  readonly users = new Map<string, FakeUser>();
  readonly catalog = new Map<string, FakeCatalogTrack>();
  /** Lower-cased wrong spelling → Last.fm's spelling, for artists and titles alike. */
  readonly corrections = new Map<string, string>();
  /** token → the user who approved it in the browser, or null while unapproved. */
  readonly tokens = new Map<string, string | null>();
  /** session key → user name. */
  readonly sessions = new Map<string, string>();
  private counter = 0;

  user(name: string): FakeUser {
    const found = this.findUser(name);
    if (found) return found;
    const user: FakeUser = { name, scrobbles: [], loves: new Map(), nowPlaying: null };
    this.users.set(name.toLowerCase(), user);
    return user;
  }

  findUser(name: string): FakeUser | undefined {
    return this.users.get(name.toLowerCase());
  }

  addScrobbles(userName: string, scrobbles: readonly FakeScrobble[]): void {
    const user = this.user(userName);
    user.scrobbles = [...user.scrobbles, ...scrobbles].sort((a, b) => b.timestamp - a.timestamp);
  }

  addTrack(track: FakeCatalogTrack): void {
    this.catalog.set(trackKey(track.artist, track.track), track);
  }

  correct(text: string): string {
    return this.corrections.get(text.trim().toLowerCase()) ?? text;
  }

  /** Catalogue match ignoring case, after autocorrection when asked for. */
  lookup(artist: string, track: string, autocorrect: boolean): FakeCatalogTrack | undefined {
    const a = autocorrect ? this.correct(artist) : artist;
    const t = autocorrect ? this.correct(track) : track;
    return this.catalog.get(trackKey(a, t));
  }

  findByMbid(mbid: string): FakeCatalogTrack | undefined {
    return [...this.catalog.values()].find((track) => track.mbid === mbid);
  }

  userPlaycount(userName: string, track: FakeCatalogTrack): number {
    const explicit = Object.entries(track.userPlaycounts).find(
      ([name]) => name.toLowerCase() === userName.toLowerCase(),
    );
    if (explicit) return explicit[1];
    const key = trackKey(track.artist, track.track);
    return (this.findUser(userName)?.scrobbles ?? []).filter((s) => trackKey(s.artist, s.track) === key)
      .length;
  }

  isLoved(userName: string, artist: string, track: string): boolean {
    return this.findUser(userName)?.loves.has(trackKey(artist, track)) ?? false;
  }

  /** Loving twice keeps the first love's date, as Last.fm does. */
  love(userName: string, love: FakeLove): void {
    const loves = this.user(userName).loves;
    const key = trackKey(love.artist, love.track);
    if (!loves.has(key)) loves.set(key, love);
  }

  unlove(userName: string, artist: string, track: string): void {
    this.findUser(userName)?.loves.delete(trackKey(artist, track));
  }

  lovesNewestFirst(userName: string): FakeLove[] {
    return [...(this.findUser(userName)?.loves.values() ?? [])].sort((a, b) => b.date - a.date);
  }

  issueToken(): string {
    const token = this.nextHex();
    this.tokens.set(token, null);
    return token;
  }

  createSession(userName: string): string {
    this.user(userName);
    const key = this.nextHex();
    this.sessions.set(key, userName);
    return key;
  }

  /** 32 hex characters, distinct and deterministic within one fake. */
  private nextHex(): string {
    this.counter += 1;
    return `${this.counter.toString(16).padStart(8, '0')}${'f00dcafe'.repeat(3)}`;
  }
}
