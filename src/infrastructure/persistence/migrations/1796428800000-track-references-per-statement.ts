// PostgreSQL checks the two references to tracks that imports write most, a play's track and a daily
// roll-up's track, once per statement instead of once per row. Its foreign keys ran a query per new
// row that also locked the track row (FOR KEY SHARE, a multixact when two batches share a track):
// 35-40 % of the server's CPU in an import (docs/DECISIONS.md). The same references are now kept by
// triggers over each statement's rows, one anti-join per statement, raising PostgreSQL's own error
// (23503, the key's name and the missing id) for a track that does not exist, and refusing to delete a
// track, or change its id, while a play or roll-up names it. Without the row lock, a track deleted in one
// transaction while another names it could slip through; Narada never deletes a track (a merge keeps
// the merged row), so nothing can. Each trigger names the key it stands for in its first argument, so
// `narada db copy` and the schema comparison read these references back as the keys they replace.
//
// SQLite keeps its foreign keys: its per-row check is an index probe, with no lock and no query plan.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationEngine } from './migration-engine.js';

/** The references moved to triggers: the key's name, the referring table and column, the target. */
const REFERENCES = [
  { name: 'fk_plays_track_id', table: 'plays', column: 'track_id', parent: 'tracks' },
  { name: 'fk_daily_listens_track_id', table: 'daily_listens', column: 'track_id', parent: 'tracks' },
] as const;

/**
 * The referring side, for every INSERT and UPDATE statement (a transition table cannot be limited to
 * one column): the first new row whose key names no target row fails the statement.
 * TG_ARGV: key name, column, target table, target column.
 */
const REFERENCE_CHECK = `CREATE FUNCTION "narada_reference_check"() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE missing text;
BEGIN
  EXECUTE format(
    'SELECT CAST(n.%1$I AS text) FROM "checked_rows" n
      WHERE n.%1$I IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %4$I.%2$I t WHERE t.%3$I = n.%1$I) LIMIT 1',
    TG_ARGV[1], TG_ARGV[2], TG_ARGV[3], TG_TABLE_SCHEMA) INTO missing;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%"', TG_TABLE_NAME, TG_ARGV[0]
      USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = TG_ARGV[0],
            DETAIL = format('Key (%s)=(%s) is not present in table "%s".', TG_ARGV[1], missing, TG_ARGV[2]);
  END IF;
  RETURN NULL;
END $body$`;

/**
 * The target side: a DELETE statement (over its removed rows) or a row whose id changes fails while
 * the referring table still names it. TG_ARGV: key name, referring table, its column, target column.
 */
const REFERENCED_CHECK = `CREATE FUNCTION "narada_referenced_check"() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE held text;
BEGIN
  IF TG_LEVEL = 'ROW' THEN
    EXECUTE format('SELECT CAST($1 AS text) FROM %3$I.%1$I r WHERE r.%2$I = $1 LIMIT 1',
        TG_ARGV[1], TG_ARGV[2], TG_TABLE_SCHEMA)
      INTO held USING OLD."id";
  ELSE
    EXECUTE format(
      'SELECT CAST(o.%3$I AS text) FROM "removed_rows" o
        WHERE EXISTS (SELECT 1 FROM %4$I.%1$I r WHERE r.%2$I = o.%3$I) LIMIT 1',
      TG_ARGV[1], TG_ARGV[2], TG_ARGV[3], TG_TABLE_SCHEMA) INTO held;
  END IF;
  IF held IS NOT NULL THEN
    RAISE EXCEPTION 'update or delete on table "%" violates foreign key constraint "%" on table "%"',
        TG_TABLE_NAME, TG_ARGV[0], TG_ARGV[1]
      USING ERRCODE = 'foreign_key_violation', TABLE = TG_ARGV[1], CONSTRAINT = TG_ARGV[0],
            DETAIL = format('Key (%s)=(%s) is still referenced from table "%s".', TG_ARGV[3], held, TG_ARGV[1]);
  END IF;
  RETURN NULL;
END $body$`;

function triggers(ref: (typeof REFERENCES)[number]): string[] {
  const { name, table, column, parent } = ref;
  const child = `'${name}', '${column}', '${parent}', 'id'`;
  const target = `'${name}', '${table}', '${column}', 'id'`;
  return [
    `CREATE TRIGGER "${name}_insert" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS "checked_rows"
       FOR EACH STATEMENT EXECUTE FUNCTION "narada_reference_check"(${child})`,
    `CREATE TRIGGER "${name}_update" AFTER UPDATE ON "${table}" REFERENCING NEW TABLE AS "checked_rows"
       FOR EACH STATEMENT EXECUTE FUNCTION "narada_reference_check"(${child})`,
    `CREATE TRIGGER "${name}_delete" AFTER DELETE ON "${parent}" REFERENCING OLD TABLE AS "removed_rows"
       FOR EACH STATEMENT EXECUTE FUNCTION "narada_referenced_check"(${target})`,
    `CREATE TRIGGER "${name}_rekey" AFTER UPDATE OF "id" ON "${parent}"
       FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id") EXECUTE FUNCTION "narada_referenced_check"(${target})`,
  ];
}

export class TrackReferencesPerStatement1796428800000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    if (migrationEngine(queryRunner) === 'sqlite') return;
    await queryRunner.query(REFERENCE_CHECK);
    await queryRunner.query(REFERENCED_CHECK);
    for (const ref of REFERENCES) {
      await queryRunner.query(`ALTER TABLE "${ref.table}" DROP CONSTRAINT "${ref.name}"`);
      for (const trigger of triggers(ref)) await queryRunner.query(trigger);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (migrationEngine(queryRunner) === 'sqlite') return;
    for (const { name, table, column, parent } of REFERENCES) {
      for (const [suffix, on] of [
        ['insert', table],
        ['update', table],
        ['delete', parent],
        ['rekey', parent],
      ] as const) {
        await queryRunner.query(`DROP TRIGGER "${name}_${suffix}" ON "${on}"`);
      }
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${parent}" ("id")`,
      );
    }
    await queryRunner.query(`DROP FUNCTION "narada_referenced_check"()`);
    await queryRunner.query(`DROP FUNCTION "narada_reference_check"()`);
  }
}
