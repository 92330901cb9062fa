import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SILENT_PROGRESS } from '../../../src/application/ports/progress.port.js';
import { BackfillLastfm } from '../../../src/application/use-cases/history/backfill-lastfm.js';
import { aFakeScrobble } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { startLastfmKit, type LastfmKit } from '../lastfm/lastfm-test-kit.js';
import { aScrobbledListen, aStreamedListen, openHistoryKit, type HistoryKit } from './history-test-kit.js';

const NOW = Date.UTC(2025, 5, 20, 12, 0, 0);
const DAY = 86_400_000;
const streamed = (playedAt: number, title: string, n: number) =>
  aStreamedListen('listener', playedAt, n, title);
const scrobbled = (playedAt: number, title: string) => aScrobbledListen('listener', playedAt, title);

describe('BackfillLastfm against the fake Last.fm', () => {
  let lastfm: LastfmKit;
  let kit: HistoryKit;
  beforeEach(async () => {
    lastfm = await startLastfmKit({ sessionFor: 'listener', fake: { now: () => NOW } });
    kit = await openHistoryKit(() => NOW);
    // 60 listens only in the Spotify export, within the last 14 days.
    await kit.recorder.record(
      Array.from({ length: 60 }, (_, i) => streamed(NOW - 3 * DAY + i * 600_000, `Song ${i}`, i + 10)),
    );
    // On Last.fm already, though not imported: Last.fm's timestamp is 10 s off Spotify's.
    await kit.recorder.record([streamed(NOW - 2 * DAY, 'Known There', 1)]);
    lastfm.fake.addScrobbles('listener', [
      aFakeScrobble({ artist: 'Band', track: 'Known There', timestamp: (NOW - 2 * DAY + 10_000) / 1000 }),
    ]);
    // Scrobbled and imported: matched locally, not a candidate.
    await kit.recorder.record([scrobbled(NOW - DAY, 'Imported Both')]);
    await kit.recorder.record([streamed(NOW - DAY + 5_000, 'Imported Both', 2)]);
    // Too old for Last.fm.
    await kit.recorder.record([
      streamed(NOW - 20 * DAY, 'Old One', 3),
      streamed(NOW - 30 * DAY, 'Old Two', 4),
    ]);
  });
  afterEach(async () => {
    await lastfm.fake.close();
    await kit.dispose();
  });

  function backfill(): BackfillLastfm {
    return new BackfillLastfm({
      lastfm: lastfm.client,
      store: kit.repos.scrobbleBackfill,
      clock: kit.clock,
      progress: SILENT_PROGRESS,
    });
  }

  it('plans without sending anything in a dry run', async () => {
    const summary = await backfill().run({ dryRun: true });
    expect(summary).toMatchObject({
      dryRun: true,
      outsideWindow: 2,
      candidates: 61,
      alreadyOnLastfm: 1,
      toScrobble: 60,
      batches: 0,
    });
    expect(lastfm.fake.calls('track.scrobble')).toHaveLength(0);
  });

  it('scrobbles the listens Last.fm lacks in batches of 50, with their own timestamps', async () => {
    const summary = await backfill().run();

    expect(summary).toMatchObject({
      toScrobble: 60,
      batches: 2,
      accepted: 60,
      ignored: {},
      outsideWindow: 2,
    });
    const batches = lastfm.fake.calls('track.scrobble');
    expect(
      batches.map((b) => Object.keys(b.params).filter((k) => k.startsWith('timestamp[')).length),
    ).toEqual([50, 10]);
    const stored = lastfm.fake.state.user('listener').scrobbles.filter((s) => s.track.startsWith('Song '));
    expect(stored.map((s) => s.timestamp * 1000).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 60 }, (_, i) => NOW - 3 * DAY + i * 600_000),
    );

    expect(await backfill().run()).toMatchObject({
      candidates: 61,
      alreadyOnLastfm: 61,
      toScrobble: 0,
      batches: 0,
    });
  });

  it('refuses to scrobble without a Last.fm login, and says how to get one', async () => {
    const anonymous = await startLastfmKit({ config: { sessionKey: null } });
    try {
      const store = kit.repos.scrobbleBackfill;
      const run = new BackfillLastfm({
        lastfm: anonymous.client,
        store,
        clock: kit.clock,
        progress: SILENT_PROGRESS,
      }).run();
      await expect(run).rejects.toMatchObject({ code: 'LASTFM.NO_SESSION', category: 'config' });
    } finally {
      await anonymous.fake.close();
    }
  });
});
