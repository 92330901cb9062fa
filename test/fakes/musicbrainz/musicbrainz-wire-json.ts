// Catalog entities as MusicBrainz WS/2 JSON, shaped like the captures in the shared fixtures: which
// keys appear depends on the `inc` parameter, as on the real server.
import type {
  CatalogCredit,
  CatalogRecording,
  CatalogRelease,
  CatalogReleaseGroup,
  MusicBrainzCatalog,
} from './musicbrainz-catalog.js';

export type Includes = ReadonlySet<string>;

const wantsCredits = (inc: Includes): boolean => inc.has('artist-credits') || inc.has('artists');

function creditJson(catalog: MusicBrainzCatalog, credits: readonly CatalogCredit[]): unknown[] {
  return credits.map((credit) => {
    const artist = catalog.artists.get(credit.artistId);
    return {
      name: credit.name,
      joinphrase: credit.joinPhrase,
      artist: {
        id: credit.artistId,
        name: artist?.name ?? credit.name,
        'sort-name': artist?.sortName ?? credit.name,
        disambiguation: '',
      },
    };
  });
}

export function releaseGroupJson(
  catalog: MusicBrainzCatalog,
  group: CatalogReleaseGroup,
  inc: Includes,
): Record<string, unknown> {
  return {
    id: group.id,
    title: group.title,
    disambiguation: '',
    'primary-type': group.primaryType,
    'secondary-types': group.secondaryTypes,
    // The recording index keeps a release's group without its first-release date (see the fixture).
    ...(inc.has('search-hit') ? {} : { 'first-release-date': catalog.firstReleaseDate(group) ?? '' }),
    ...(wantsCredits(inc) ? { 'artist-credit': creditJson(catalog, group.credits) } : {}),
  };
}

export function releaseJson(
  catalog: MusicBrainzCatalog,
  release: CatalogRelease,
  inc: Includes,
): Record<string, unknown> {
  const group = catalog.releaseGroups.get(release.releaseGroupId);
  return {
    id: release.id,
    title: release.title,
    status: release.status,
    date: release.date ?? '',
    country: release.country,
    disambiguation: '',
    'release-events': release.date === null ? [] : [{ date: release.date, area: null }],
    ...(wantsCredits(inc) ? { 'artist-credit': creditJson(catalog, release.credits) } : {}),
    ...(inc.has('release-groups') && group ? { 'release-group': releaseGroupJson(catalog, group, inc) } : {}),
  };
}

export function recordingJson(
  catalog: MusicBrainzCatalog,
  recording: CatalogRecording,
  inc: Includes,
): Record<string, unknown> {
  return {
    id: recording.id,
    title: recording.title,
    length: recording.lengthMs,
    video: recording.video,
    disambiguation: recording.disambiguation,
    'first-release-date': catalog.firstReleaseDate(recording) ?? '',
    ...(inc.has('isrcs') ? { isrcs: recording.isrcs } : {}),
    ...(wantsCredits(inc) ? { 'artist-credit': creditJson(catalog, recording.credits) } : {}),
    ...(inc.has('releases')
      ? { releases: catalog.releasesOf(recording).map((release) => releaseJson(catalog, release, inc)) }
      : {}),
  };
}

/** Recording search hits carry everything the search index holds, whatever `inc` says. */
export const SEARCH_INCLUDES: Includes = new Set([
  'artist-credits',
  'isrcs',
  'releases',
  'release-groups',
  'search-hit',
]);
