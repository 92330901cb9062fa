// The ledger over the raw connection: append-only by construction (no update or delete here, and
// triggers refuse them in the database), with INSERT OR IGNORE making re-imports harmless.
import { MoreThan, type Repository } from 'typeorm';
import type {
  AppendResult,
  ListeningEventRepository,
} from '../../../application/ports/listening-event-repository.port.js';
import type { RawListeningEvent, StoredListeningEvent } from '../../../domain/history/listening-event.js';
import { BulkWriter } from '../bulk-writer.js';
import { ListeningEventEntity } from '../entities/listening-event.entity.js';
import {
  listeningEventToDomain,
  listeningEventToRow,
  type NewListeningEventRow,
} from '../mappers/listening-event.mapper.js';
import type { NaradaDatabase } from '../open-database.js';

const DEFAULT_PAGE_SIZE = 5000;

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

  async *pages(pageSize = DEFAULT_PAGE_SIZE): AsyncIterable<readonly StoredListeningEvent[]> {
    let after = 0;
    for (;;) {
      const rows = await this.rows.find({
        where: { id: MoreThan(after) },
        order: { id: 'ASC' },
        take: pageSize,
      });
      if (rows.length === 0) return;
      yield rows.map(listeningEventToDomain);
      after = rows[rows.length - 1]!.id;
    }
  }
}
