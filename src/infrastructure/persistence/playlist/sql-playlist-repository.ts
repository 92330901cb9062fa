// Playlists: a save replaces the item list in the same transaction as the header.
import type {
  PlaylistRepository,
  PlaylistSummary,
} from '../../../application/ports/playlist-repository.port.js';
import type { Playlist, PlaylistDraft, PlaylistId } from '../../../domain/playlist/playlist.js';
import { NaradaError } from '../../../domain/shared/errors.js';
import type { ServiceName } from '../../../domain/shared/service.js';
import { BulkWriter } from '../bulk-writer.js';
import type { EngineDatabase } from '../engine-database.js';
import { EntitySql } from '../sql/entity-sql.js';
import { PlaylistItemEntity } from './playlist-item.entity.js';
import { PlaylistEntity } from './playlist.entity.js';
import {
  playlistHeaderToDomain,
  playlistItemToRow,
  playlistToDomain,
  playlistToRow,
} from './playlist.mapper.js';

const PLAYLISTS = new EntitySql(PlaylistEntity);
const ITEMS = new EntitySql(PlaylistItemEntity);
const HEADER = `SELECT ${PLAYLISTS.select()} FROM ${PLAYLISTS.table}`;
const ITEMS_OF = `SELECT ${ITEMS.select()} FROM ${ITEMS.table} WHERE "playlist_id" = ? ORDER BY "position"`;
const ITEM_COUNTS = `SELECT "playlist_id" AS "playlistId", COUNT(*) AS "itemCount" FROM "playlist_items" GROUP BY "playlist_id"`;
const INSERT = `${PLAYLISTS.insert(['id'])} RETURNING "id" AS "id"`;
const HEADER_COLUMNS = PLAYLISTS.columns
  .map((c) => c.property as keyof PlaylistEntity & string)
  .filter((p) => p !== 'id');

export class SqlPlaylistRepository implements PlaylistRepository {
  private readonly newItems: BulkWriter<PlaylistItemEntity>;
  private readonly byName: string;

  constructor(private readonly db: EngineDatabase) {
    this.newItems = BulkWriter.for(db, PlaylistItemEntity, { conflict: { kind: 'fail' } });
    this.byName = `${HEADER} ORDER BY ${db.sql.dialect.bytewise('"name"')}, "id"`;
  }

  async save(playlist: Playlist | PlaylistDraft): Promise<Playlist> {
    return this.db.unitOfWork.transaction(async () => {
      const row = playlistToRow(playlist);
      const id = await this.storeHeader('id' in playlist ? playlist.id : null, row);
      await this.db.sql.run(`DELETE FROM "playlist_items" WHERE "playlist_id" = ?`, [id]);
      const itemRows = playlist.items.map((item) => playlistItemToRow(id, item));
      await this.db.unitOfWork.bulk(() => this.newItems.write(itemRows));
      return Object.freeze({ ...playlist, id, items: Object.freeze([...playlist.items]) });
    });
  }

  async findById(id: PlaylistId): Promise<Playlist | null> {
    const row = await this.header(`${HEADER} WHERE "id" = ?`, [id]);
    return row === null ? null : this.withItems(row);
  }

  async findByExternal(service: ServiceName, externalId: string): Promise<Playlist | null> {
    const row = await this.header(`${HEADER} WHERE "service" = ? AND "external_id" = ?`, [
      service,
      externalId,
    ]);
    return row === null ? null : this.withItems(row);
  }

  async list(): Promise<PlaylistSummary[]> {
    const rows = await this.db.sql.all<Record<string, unknown>>(this.byName);
    const counts = await this.db.sql.all<{ playlistId: number; itemCount: number }>(ITEM_COUNTS);
    const byId = new Map(counts.map((c) => [c.playlistId, c.itemCount]));
    return rows.map((raw) => {
      const row = PLAYLISTS.read(raw);
      return Object.freeze({ ...playlistHeaderToDomain(row), itemCount: byId.get(row.id) ?? 0 });
    });
  }

  private async header(sql: string, params: readonly (string | number)[]): Promise<PlaylistEntity | null> {
    const row = await this.db.sql.one<Record<string, unknown>>(sql, params);
    return row === undefined ? null : PLAYLISTS.read(row);
  }

  /** Updates the playlist with `id`, or the known one with the same service id, or inserts it. */
  private async storeHeader(id: PlaylistId | null, row: Omit<PlaylistEntity, 'id'>): Promise<PlaylistId> {
    const known =
      id ??
      (row.service !== null && row.externalId !== null
        ? ((
            await this.header(`${HEADER} WHERE "service" = ? AND "external_id" = ?`, [
              row.service,
              row.externalId,
            ])
          )?.id ?? null)
        : null);
    if (known === null) {
      const inserted = await this.db.sql.one<{ id: number }>(INSERT, PLAYLISTS.params(row));
      return inserted!.id;
    }
    const { changes } = await this.db.sql.run(
      PLAYLISTS.update(HEADER_COLUMNS, `"id" = @id`),
      PLAYLISTS.params({ ...row, id: known }),
    );
    if (changes === 0) {
      throw new NaradaError(
        'DATABASE.NOT_FOUND',
        `Playlist ${known} is not in the database; save it without an id to add it`,
        'failure',
        { details: { playlistId: known } },
      );
    }
    return known;
  }

  private async withItems(row: PlaylistEntity): Promise<Playlist> {
    const items = await this.db.sql.all<Record<string, unknown>>(ITEMS_OF, [row.id]);
    return playlistToDomain(
      row,
      items.map((item) => ITEMS.read(item)),
    );
  }
}
