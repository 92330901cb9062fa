// The users of `narada serve` (`narada users add`): a name, which is the listener their submitted
// listens are recorded under, and the SHA-256 of their listen-submission token (the token itself is
// shown once and never stored). Plain SQL types, so the same statements run on PostgreSQL.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServerUsers1795910400000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "server_users" (
  "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  "name" text NOT NULL,
  "token_hash" text NOT NULL,
  "created_at" integer NOT NULL,
  "token_issued_at" integer NOT NULL,
  CONSTRAINT "uq_server_users_name" UNIQUE ("name"),
  CONSTRAINT "uq_server_users_token_hash" UNIQUE ("token_hash"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "server_users"`);
  }
}
