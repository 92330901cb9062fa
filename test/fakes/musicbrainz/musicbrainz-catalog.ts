// The fake MusicBrainz's data: artists, release groups, releases and recordings, with a builder that
// fills in the links (credits, release group, first-release date) so a test states only what it needs.

export interface CatalogArtist {
  readonly id: string;
  readonly name: string;
  readonly sortName: string;
}

export interface CatalogCredit {
  readonly artistId: string;
  /** The name as credited, which may differ from the artist's. */
  readonly name: string;
  readonly joinPhrase: string;
}

export interface CatalogReleaseGroup {
  readonly id: string;
  readonly title: string;
  readonly primaryType: string | null;
  readonly secondaryTypes: readonly string[];
  readonly credits: readonly CatalogCredit[];
}

export interface CatalogRelease {
  readonly id: string;
  readonly title: string;
  readonly status: string | null;
  readonly date: string | null;
  readonly country: string | null;
  readonly releaseGroupId: string;
  readonly credits: readonly CatalogCredit[];
}

export interface CatalogRecording {
  readonly id: string;
  readonly title: string;
  readonly lengthMs: number | null;
  readonly video: boolean;
  readonly disambiguation: string;
  readonly isrcs: readonly string[];
  readonly credits: readonly CatalogCredit[];
  readonly releaseIds: readonly string[];
}

export interface ReleaseSeed {
  readonly title?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null for an undated release. */
  readonly date?: string | null;
  readonly status?: string | null;
  readonly country?: string | null;
  /** Primary type of the release group created for it. */
  readonly type?: string | null;
  readonly secondaryTypes?: readonly string[];
  /** Put the release in an existing group instead of creating one. */
  readonly releaseGroupId?: string;
  readonly artists?: readonly string[];
}

export interface RecordingSeed {
  readonly title: string;
  /** Credited artist names, joined with " & "; created on first use. */
  readonly artists?: readonly string[];
  readonly isrcs?: readonly string[];
  readonly lengthMs?: number | null;
  readonly disambiguation?: string;
  readonly video?: boolean;
  /** New releases to create for it, or ids of existing ones. */
  readonly releases?: ReadonlyArray<ReleaseSeed | string>;
}

const KIND_DIGIT = { artist: 'a', releaseGroup: 'b', release: 'c', recording: 'd' } as const;

export class MusicBrainzCatalog {
  readonly artists = new Map<string, CatalogArtist>();
  readonly releaseGroups = new Map<string, CatalogReleaseGroup>();
  readonly releases = new Map<string, CatalogRelease>();
  readonly recordings = new Map<string, CatalogRecording>();
  private issued = 0;

  /** The artist of that name, created with a fresh MBID if new. */
  addArtist(name: string): CatalogArtist {
    for (const artist of this.artists.values()) if (artist.name === name) return artist;
    const artist = { id: this.mbid('artist'), name, sortName: name };
    this.artists.set(artist.id, artist);
    return artist;
  }

  addReleaseGroup(seed: {
    title: string;
    type?: string | null;
    secondaryTypes?: readonly string[];
    artists?: readonly string[];
  }): CatalogReleaseGroup {
    const group = {
      id: this.mbid('releaseGroup'),
      title: seed.title,
      primaryType: seed.type === undefined ? 'Album' : seed.type,
      secondaryTypes: seed.secondaryTypes ?? [],
      credits: this.credits(seed.artists ?? []),
    };
    this.releaseGroups.set(group.id, group);
    return group;
  }

  addRelease(seed: ReleaseSeed & { title: string }): CatalogRelease {
    const groupId =
      seed.releaseGroupId ??
      this.addReleaseGroup({
        title: seed.title,
        type: seed.type,
        secondaryTypes: seed.secondaryTypes ?? [],
        artists: seed.artists ?? [],
      }).id;
    const release = {
      id: this.mbid('release'),
      title: seed.title,
      status: seed.status === undefined ? 'Official' : seed.status,
      date: seed.date ?? null,
      country: seed.country ?? null,
      releaseGroupId: groupId,
      credits: this.credits(seed.artists ?? []),
    };
    this.releases.set(release.id, release);
    return release;
  }

  addRecording(seed: RecordingSeed): CatalogRecording {
    const artists = seed.artists ?? ['Unknown Artist'];
    const releaseIds = (seed.releases ?? []).map((release) =>
      typeof release === 'string'
        ? release
        : this.addRelease({ artists, ...release, title: release.title ?? seed.title }).id,
    );
    const recording = {
      id: this.mbid('recording'),
      title: seed.title,
      lengthMs: seed.lengthMs === undefined ? 200_000 : seed.lengthMs,
      video: seed.video ?? false,
      disambiguation: seed.disambiguation ?? '',
      isrcs: seed.isrcs ?? [],
      credits: this.credits(artists),
      releaseIds,
    };
    this.recordings.set(recording.id, recording);
    return recording;
  }

  recordingsWithIsrc(isrc: string): CatalogRecording[] {
    return [...this.recordings.values()].filter((r) => r.isrcs.includes(isrc));
  }

  releasesOf(recording: CatalogRecording): CatalogRelease[] {
    return recording.releaseIds.map((id) => this.releases.get(id)).filter((r): r is CatalogRelease => !!r);
  }

  /** Earliest date among a recording's (or a group's) releases, as MusicBrainz derives it. */
  firstReleaseDate(of: CatalogRecording | CatalogReleaseGroup): string | null {
    const releases =
      'releaseIds' in of
        ? this.releasesOf(of)
        : [...this.releases.values()].filter((release) => release.releaseGroupId === of.id);
    const dates = releases.map((r) => r.date).filter((d): d is string => d !== null);
    return dates.sort()[0] ?? null;
  }

  private credits(names: readonly string[]): CatalogCredit[] {
    return names.map((name, i) => ({
      artistId: this.addArtist(name).id,
      name,
      joinPhrase: i < names.length - 1 ? ' & ' : '',
    }));
  }

  /** Deterministic MBIDs: the first digit tells the kind, the tail counts up. */
  private mbid(kind: keyof typeof KIND_DIGIT): string {
    this.issued += 1;
    return `${KIND_DIGIT[kind]}0000000-0000-4000-8000-${this.issued.toString(16).padStart(12, '0')}`;
  }
}
