// Playlists over TypeORM: a save replaces the item list in the same transaction as the header.
import type Database from 'better-sqlite3';
import type { Repository } from 'typeorm';
import type {
  PlaylistRepository,
  PlaylistSummary,
} from '../../../application/ports/playlist-repository.port.js';
import type { Playlist, PlaylistDraft, PlaylistId } from '../../../domain/playlist/playlist.js';
import { NaradaError } from '../../../domain/shared/errors.js';
import type { ServiceName } from '../../../domain/shared/service.js';
import { BulkWriter } from '../bulk-writer.js';
import { PlaylistItemEntity } from './playlist-item.entity.js';
import { PlaylistEntity } from './playlist.entity.js';
import {
  playlistHeaderToDomain,
  playlistItemToRow,
  playlistToDomain,
  playlistToRow,
} from './playlist.mapper.js';
import type { SqliteDatabase } from '../open-database.js';

export class TypeOrmPlaylistRepository implements PlaylistRepository {
  private readonly playlists: Repository<PlaylistEntity>;
  private readonly items: Repository<PlaylistItemEntity>;
  private readonly newItems: BulkWriter<PlaylistItemEntity>;
  private readonly itemCounts: Database.Statement<[], { playlistId: number; itemCount: number }>;

  constructor(private readonly db: SqliteDatabase) {
    this.playlists = db.dataSource.getRepository(PlaylistEntity);
    this.items = db.dataSource.getRepository(PlaylistItemEntity);
    this.newItems = BulkWriter.for(db, PlaylistItemEntity, {
      conflict: { kind: 'fail' },
    });
    this.itemCounts = db.sqlite.prepare(
      `SELECT "playlist_id" AS playlistId, COUNT(*) AS itemCount FROM "playlist_items" GROUP BY "playlist_id"`,
    );
  }

  async save(playlist: Playlist | PlaylistDraft): Promise<Playlist> {
    return this.db.unitOfWork.transaction(async () => {
      const row = playlistToRow(playlist);
      const id = await this.storeHeader('id' in playlist ? playlist.id : null, row);
      await this.items.delete({ playlistId: id });
      const itemRows = playlist.items.map((item) => playlistItemToRow(id, item));
      await this.db.unitOfWork.bulk(() => this.newItems.write(itemRows));
      return Object.freeze({ ...playlist, id, items: Object.freeze([...playlist.items]) });
    });
  }

  async findById(id: PlaylistId): Promise<Playlist | null> {
    const row = await this.playlists.findOneBy({ id });
    return row === null ? null : this.withItems(row);
  }

  async findByExternal(service: ServiceName, externalId: string): Promise<Playlist | null> {
    const row = await this.playlists.findOneBy({ service, externalId });
    return row === null ? null : this.withItems(row);
  }

  async list(): Promise<PlaylistSummary[]> {
    const rows = await this.playlists.find({ order: { name: 'ASC', id: 'ASC' } });
    const counts = new Map(this.itemCounts.all().map((c) => [c.playlistId, c.itemCount]));
    return rows.map((row) =>
      Object.freeze({ ...playlistHeaderToDomain(row), itemCount: counts.get(row.id) ?? 0 }),
    );
  }

  /** Updates the playlist with `id`, or the known one with the same service id, or inserts it. */
  private async storeHeader(id: PlaylistId | null, row: Omit<PlaylistEntity, 'id'>): Promise<PlaylistId> {
    const known =
      id ??
      (row.service !== null && row.externalId !== null
        ? ((await this.playlists.findOneBy({ service: row.service, externalId: row.externalId }))?.id ?? null)
        : null);
    if (known === null) {
      const result = await this.playlists.insert(row);
      // TypeORM types generated keys loosely; the entity's primary key is the integer `id`.
      return Number((result.identifiers[0] as { id: number }).id);
    }
    const { affected } = await this.playlists.update({ id: known }, row);
    if (affected === 0) {
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
    const items = await this.items.find({ where: { playlistId: row.id }, order: { position: 'ASC' } });
    return playlistToDomain(row, items);
  }
}
