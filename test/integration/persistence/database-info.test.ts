import { describe, expect, it } from '@jest/globals';
import { aListeningEvent } from '../../builders/index.js';
import { aTrackDraft, AT, tempDatabasePerTest } from './temp-database.js';

describe('DatabaseInfo', () => {
  const temp = tempDatabasePerTest();

  it('reports the path, the schema version, no pending migration and the rows of every table', async () => {
    await temp.repos.tracks.insertMany([aTrackDraft(), aTrackDraft(), aTrackDraft()], AT);
    await temp.repos.listenRecording.appendEvents([aListeningEvent(), aListeningEvent()]);

    const info = await temp.repos.databaseInfo.info();

    expect(info).toMatchObject({
      path: temp.db.path,
      schemaVersion: 6,
      latestMigration: 'JobEvents1796169600000',
      pendingMigrations: 0,
    });
    expect(info.rowCounts).toEqual({
      tracks: 3,
      connector_tracks: 0,
      track_mappings: 0,
      playlists: 0,
      playlist_items: 0,
      track_metrics: 0,
      likes: 0,
      import_runs: 0,
      listening_events: 2,
      plays: 0,
      daily_listens: 0,
      sync_checkpoints: 0,
      workflow_runs: 0,
      http_cache: 0,
    });
  });
});
