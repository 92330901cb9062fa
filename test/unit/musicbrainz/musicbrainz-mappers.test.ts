import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { UpstreamError } from '../../../src/application/ports/upstream-errors.js';
import {
  mapRecording,
  mapRecordingSearch,
  mapRelease,
  mapReleaseGroup,
  mapReleaseGroupSearch,
} from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-mappers.js';
import { wireFixturePath } from '../../support/wire-fixtures.js';

const FIXTURES = wireFixturePath('musicbrainz');
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(`${FIXTURES}/${name}`, 'utf8')) as Record<string, unknown>;

describe('mapReleaseGroupSearch', () => {
  it('reads the release groups of a search page with their first-release dates', () => {
    const page = mapReleaseGroupSearch({
      created: '2026-12-06T00:00:00.000Z',
      count: 1,
      offset: 0,
      'release-groups': [
        {
          id: 'f5093c06-23e3-404f-aeaa-40f72885ee3a',
          score: 100,
          title: 'The Dark Side of the Moon',
          'first-release-date': '1973-03-24',
          'primary-type': 'Album',
        },
      ],
    });
    expect(page.count).toBe(1);
    expect(page.releaseGroups[0]).toMatchObject({ title: 'The Dark Side of the Moon', primaryType: 'Album' });
    expect(page.releaseGroups[0]?.firstReleaseDate?.toString()).toBe('1973-03-24');
    expect(() => mapReleaseGroupSearch({ count: 1, offset: 0 })).toThrow(UpstreamError);
  });
});

describe('mapRecording', () => {
  // The fixtures README: combining inc values merges the keys of the single-inc captures.
  const combined = {
    ...fixture('recording-lookup-inc-releases-release-groups-artists.json'),
    ...fixture('recording-lookup-inc-isrcs.json'),
  };

  it('reads credits, ISRCs and releases with their release groups from a full look-up', () => {
    const recording = mapRecording(combined);
    expect(recording.id.value).toBe('162630d9-36d2-4a8d-ade1-1c77440b34e7');
    expect(recording.artists).toEqual(['7人祭']);
    expect(recording.artistCredit[0]?.artistId.value).toBe('802673f0-9b88-4e8a-bb5c-dd01d68b086f');
    expect(recording.isrcs.map(String)).toEqual(['JPA600102450']);
    expect(recording.firstReleaseDate?.toString()).toBe('2001-07-04');
    expect(recording.releases.map((r) => [r.title, r.status, r.country])).toEqual([
      ['Summer Reggae! Rainbow', 'Pseudo-Release', 'JP'],
      ['サマーれげぇ!レインボー', 'Official', 'JP'],
    ]);
    const group = recording.releases[1]?.releaseGroup;
    expect(group?.primaryType).toBe('Single');
    expect(group?.firstReleaseDate?.toString()).toBe('2001-07-04');
  });

  it('keeps the wire JSON as raw', () => {
    expect(mapRecording(combined).raw).toBe(combined);
  });

  it('reads a real capture with relations and aliases it does not need', () => {
    const recording = mapRecording(fixture('recording-lookup-isrcs-relations.json'));
    expect(recording.title).toBe('Thinking Out Loud');
    expect(recording.artists).toEqual(['Ed Sheeran']);
    expect(recording.isrcs.map(String)).toEqual(['GBAHS1400099']);
    expect(recording.lengthMs).toBe(281_000);
    expect(recording.firstReleaseDate?.toString()).toBe('2014-06-20');
  });

  it('reports an answer without the fields it needs as MUSICBRAINZ.BAD_RESPONSE', () => {
    const read = () => mapRecording({ id: '162630d9-36d2-4a8d-ade1-1c77440b34e7' });
    expect(read).toThrow(UpstreamError);
    expect(read).toThrow(/MusicBrainz sent a recording Narada cannot read \(title: /);
  });

  it('reports a malformed MBID as MUSICBRAINZ.BAD_RESPONSE rather than a bad-input error', () => {
    let caught: unknown;
    try {
      mapRecording({ id: 'not-an-mbid', title: 'x' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UpstreamError);
    expect((caught as UpstreamError).code).toBe('MUSICBRAINZ.BAD_RESPONSE');
  });
});

describe('mapRecordingSearch', () => {
  it('reads hits with scores, ISRCs and release groups, and the paging figures', () => {
    const page = mapRecordingSearch(fixture('recording-search.json'));
    expect(page.count).toBe(22_672);
    expect(page.offset).toBe(0);
    expect(page.hits.map((hit) => hit.score)).toEqual([100, 100]);
    const first = page.hits[0]?.recording;
    expect(first?.artists).toEqual(['河井英里']);
    expect(first?.artistCredit[0]?.joinPhrase).toBe('');
    expect(first?.video).toBe(false);
    expect(first?.isrcs.map(String)).toEqual(['JPPI00152140']);
    expect(first?.releases[0]?.releaseGroup?.primaryType).toBe('Album');
    expect(first?.releases[0]?.date?.toString()).toBe('2001-11-22');
  });
});

describe('mapRelease and mapReleaseGroup', () => {
  it('reads a release with its release group', () => {
    const releases = fixture('recording-lookup-inc-releases-release-groups-artists.json')
      .releases as unknown[];
    const release = mapRelease(releases[1]);
    expect(release.id.value).toBe('0385f276-5f4f-4c81-a7a4-6bd7b8d85a7e');
    expect(release.date?.toString()).toBe('2001-07-04');
    expect(release.releaseGroup?.id.value).toBe('b84625af-6229-305f-9f1b-59c0185df016');
  });

  it('reads first-release-date and types of a release group', () => {
    const group = mapReleaseGroup(fixture('release-group-lookup-inc-artists.json'));
    expect(group.title).toBe('Repercussions');
    expect(group.firstReleaseDate?.toString()).toBe('2008-11-17');
    expect(group.primaryType).toBe('Album');
    expect(group.secondaryTypes).toEqual(['Remix']);
    expect(group.artistCredit.map((c) => c.artistName)).toEqual(['Distance']);
  });

  it('reads a real release-group capture', () => {
    const group = mapReleaseGroup(fixture('release-group-lookup.json'));
    expect(group.title).toBe('The Dark Side of the Moon');
    expect(group.firstReleaseDate?.toString()).toBe('1973-03-24');
    expect(group.artistCredit).toEqual([]);
  });
});
