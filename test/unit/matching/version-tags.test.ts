import { describe, expect, it } from '@jest/globals';
import { foldText } from '../../../src/domain/matching/normalize.js';
import { parseTitle } from '../../../src/domain/matching/title-parts.js';
import { compareVersions, versionProfile } from '../../../src/domain/matching/version-compare.js';
import { albumSaysLive, classifyVersionText } from '../../../src/domain/matching/version-tags.js';

const kindsOf = (tag: string) => classifyVersionText(foldText(tag))?.kinds ?? null;

describe('classifyVersionText', () => {
  it.each([
    ['Remastered 2011'],
    ['2013 Remaster'],
    ['2011 Remastered Version'],
    ['Album Version'],
    ['Original Mix'],
    ['Deluxe Edition'],
    ['From "8 Mile" Soundtrack'],
    ['Love Theme from "Titanic"'],
  ])('reads "%s" as the same recording', (tag) => {
    expect(kindsOf(tag)).toEqual([]);
  });

  it.each([
    ['Live', 'live'],
    ['Live at Reading', 'live'],
    ['Live On MTV Unplugged, 1993', 'live'],
    ['Chromatics Remix', 'remix'],
    ['Very 2021 Rmx', 'remix'],
    ['Butch Vig Mix', 'remix'],
    ['Acoustic', 'acoustic'],
    ['Stripped Back', 'acoustic'],
    ['Instrumental', 'instrumental'],
    ['Karaoke Version', 'karaoke'],
    ['In the Style of Queen', 'karaoke'],
    ['Acapella', 'a_cappella'],
    ['Esher Demo', 'demo'],
    ["Taylor's Version", 're_recording'],
    ['Reprise', 'reprise'],
    ['Radio Edit', 'edit'],
    ['Single Version', 'edit'],
    ['Extended Mix', 'extended'],
    ['Sped Up', 'sped_up'],
    ['10 Minute Version', 'alternate'],
  ])('reads "%s" as %s', (tag, kind) => {
    expect(kindsOf(tag)).toContain(kind);
  });

  it('finds every kind in a combined tag and keeps the rest as qualifier', () => {
    const tag = classifyVersionText(foldText('Acoustic; Live at MTV Unplugged'));
    expect(tag?.kinds).toEqual(expect.arrayContaining(['acoustic', 'live']));
    expect(tag?.qualifier).toEqual(['mtv']);
  });

  it.each([
    ['Who Loves Me'],
    ['In the Air'],
    ['DDU-DU DDU-DU'],
    ['Pts. 1-5'],
    ['Spider-Man: Into the Spider-Verse'],
  ])('returns null for the subtitle "%s"', (text) => {
    expect(classifyVersionText(foldText(text))).toBeNull();
  });
});

describe('parseTitle', () => {
  it('separates core, dashed tag and bracketed credit', () => {
    const title = parseTitle('Old Town Road (feat. Billy Ray Cyrus) - Remix');
    expect(title.main.text).toBe('old town road');
    expect(title.featured).toEqual(['billy ray cyrus']);
    expect(title.tags.map((tag) => tag.kinds)).toEqual([['remix']]);
  });

  it('keeps a subtitle in place in the full title and out of the core', () => {
    const title = parseTitle("(Don't Fear) The Reaper");
    expect(title.main.text).toBe('reaper');
    expect(title.full.text).toBe('dont fear the reaper');
    expect(title.subtitles.map((form) => form.text)).toEqual(['dont fear']);
  });

  it('does not take a title word for a tag', () => {
    expect(parseTitle('Live Forever').tags).toEqual([]);
    expect(parseTitle('Live and Let Die').main.text).toBe('live and let die');
  });

  it('finds inline featured credits', () => {
    expect(parseTitle('Stan ft. Dido').featured).toEqual(['dido']);
  });

  it('collects the numbers that tell parts and sequels apart', () => {
    expect(parseTitle('Another Brick in the Wall, Pt. 2').numbers).toBe('2');
    expect(parseTitle('Another Brick In The Wall (Part II)').numbers).toBe('2');
    expect(parseTitle('The Unforgiven II').coreNumbers).toBe('2');
    expect(parseTitle('Bohemian Rhapsody - Remastered 2011').numbers).toBe('');
  });
});

describe('albumSaysLive', () => {
  it('recognises live albums but not album titles that merely contain the word', () => {
    expect(albumSaysLive("Get Yer Ya-Ya's Out! (Live)")).toBe(true);
    expect(albumSaysLive('Live at the Royal Albert Hall')).toBe(true);
    expect(albumSaysLive('MTV Unplugged in New York')).toBe(true);
    expect(albumSaysLive('Live and Let Die')).toBe(false);
  });
});

describe('compareVersions', () => {
  const profile = (title: string, liveAlbum = false) => versionProfile(parseTitle(title).tags, liveAlbum);

  it('accepts a remaster against the original', () => {
    expect(compareVersions(profile('Song - Remastered 2011'), profile('Song')).penalty).toBe(0);
  });

  it('takes points off a kind on one side only and says which', () => {
    const result = compareVersions(profile('Song'), profile('Song (Live)'));
    expect(result.penalty).toBe(45);
    expect(result.notes).toEqual(["version none vs 'live'"]);
  });

  it('accepts two tags of the same performance written differently', () => {
    const result = compareVersions(
      profile('Song - Live Aid'),
      profile('Song (Live at Live Aid, Wembley Stadium, 1985)'),
    );
    expect(result.penalty).toBe(0);
  });

  it('takes fewer points off the same kind with another remixer', () => {
    const result = compareVersions(
      profile('Song - Chromatics Remix'),
      profile('Song (Purple Disco Machine Remix)'),
    );
    expect(result.penalty).toBe(25);
    expect(result.score).toBe(0.5);
  });

  it('counts a live album as weaker evidence than a live tag', () => {
    expect(compareVersions(profile('Song'), profile('Song', true)).penalty).toBe(25);
    expect(compareVersions(profile('Song (Live)'), profile('Song', true)).penalty).toBe(0);
  });
});
