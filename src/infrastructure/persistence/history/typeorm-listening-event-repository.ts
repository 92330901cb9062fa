// The ledger over the raw connection: append-only by construction (no update or delete here, and
// triggers refuse them in the database), with INSERT OR IGNORE making re-imports harmless.
import type { Repository } from 'typeorm';
import type {
  AppendResult,
  ListeningEventRepository,
} from '../../../application/ports/listening-event-repository.port.js';
import type { RawListeningEvent, StoredListeningEvent } from '../../../domain/history/listening-event.js';
import { BulkWriter } from '../bulk-writer.js';
import { DEFAULT_PAGE_SIZE, pagesById } from '../pages-by-id.js';
import { ListeningEventEntity } from './listening-event.entity.js';
import {
  listeningEventToDomain,
  listeningEventToRow,
  type NewListeningEventRow,
} from './listening-event.mapper.js';
import type { NaradaDatabase } from '../open-database.js';

export class TypeOrmListeningEventRepository implements ListeningEventRepository {
  private readonly rows: Repository<ListeningEventEntity>;
  private readonly newRows: BulkWriter<NewListeningEventRow>;

  constructor(private readonly db: NaradaDatabase) {
    this.rows = db.dataSource.getRepository(ListeningEventEntity);
    this.newRows = BulkWriter.for(db.dataSource, db.sqlite, ListeningEventEntity, {
      omit: ['id'],
      conflict: { kind: 'ignore' },
    });
  }

  async appendMany(events: readonly RawListeningEvent[]): Promise<AppendResult> {
    const rows = events.map(listeningEventToRow);
    const inserted = await this.db.unitOfWork.bulk(() => this.newRows.write(rows));
    return { inserted, existing: rows.length - inserted };
  }

  count(): Promise<number> {
    return this.rows.count();
  }

  pages(pageSize = DEFAULT_PAGE_SIZE): AsyncIterable<readonly StoredListeningEvent[]> {
    return pagesById(this.rows, listeningEventToDomain, pageSize);
  }
}
