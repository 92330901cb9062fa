// `narada users` as a user runs it: the built CLI adds a user and prints their token once, keeps only
// its SHA-256 in the database (the token's text is nowhere in it, nor in the logs: on SQLite every byte
// of the home's files, on PostgreSQL every row of the home's schema), lists users without tokens,
// refuses a name twice (exit 2, naming --rotate), rotates and removes.
import { afterAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { onPostgres } from '../../integration/persistence/postgres-test-database.js';
import { cleanEnv, expectSuccess, openHomeDatabase, runNarada, tempDir } from '../cli-harness.js';

const home = tempDir('narada-e2e-users-');
const env = cleanEnv(home.path);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterAll(() => home.remove());

interface AddedJson {
  readonly id: number;
  readonly name: string;
  readonly token: string;
  readonly rotated: boolean;
  readonly createdAt: number;
  readonly tokenIssuedAt: number;
}

/**
 * Everything Narada keeps: every byte in NARADA_HOME (the SQLite file, its WAL, and the logs), and in
 * the PostgreSQL run every row of every table in the home's schema, as text.
 */
async function storedText(): Promise<string> {
  const files = readdirSync(home.path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  const texts = files.map((file) => readFileSync(file).toString('latin1'));
  if (!onPostgres) {
    expect(files.some((file) => file.endsWith('narada.db'))).toBe(true);
    return texts.join('\n');
  }
  const db = await openHomeDatabase(home.path);
  try {
    const tables = await db.sql.all<{ name: string }>(
      `SELECT table_name AS "name" FROM information_schema.tables WHERE table_schema = current_schema()`,
    );
    expect(tables.map((t) => t.name)).toContain('server_users');
    for (const { name } of tables) {
      const rows = await db.sql.all<{ row: string }>(`SELECT CAST(t AS text) AS "row" FROM "${name}" t`);
      texts.push(...rows.map((r) => r.row));
    }
    return texts.join('\n');
  } finally {
    await db.close();
  }
}

async function storedHashes(): Promise<Record<string, string>> {
  const db = await openHomeDatabase(home.path);
  try {
    const rows = await db.sql.all<{ name: string; token_hash: string }>(
      `SELECT "name", "token_hash" FROM "server_users"`,
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.token_hash]));
  } finally {
    await db.close();
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('narada users', () => {
  let aliceToken = '';

  it('adds a user and prints the token once as JSON; only its hash is stored', async () => {
    const added = await runNarada(['users', 'add', 'alice', '--json'], { env });
    expectSuccess(added);
    const json = added.json<AddedJson>();
    expect(json).toEqual({
      id: expect.any(Number),
      name: 'alice',
      token: expect.stringMatching(UUID),
      rotated: false,
      createdAt: expect.any(Number),
      tokenIssuedAt: json.createdAt,
    });
    aliceToken = json.token;
    expect(added.stdout.split(aliceToken)).toHaveLength(2);
    expect(added.stderr).not.toContain(aliceToken);

    expect(await storedHashes()).toEqual({ alice: sha256(aliceToken) });
    expect(await storedText()).not.toContain(aliceToken);
  });

  it('prints the token once in words, and says it will not be shown again', async () => {
    const added = await runNarada(['users', 'add', 'bob'], { env });
    expectSuccess(added);
    const tokens = added.stdout.match(/[0-9a-f]{8}-[0-9a-f-]{27}/g) ?? [];
    expect(tokens).toHaveLength(1);
    expect(added.stdout).toContain('shown only now');
    expect((await storedHashes()).bob).toBe(sha256(tokens[0]!));
    expect(await storedText()).not.toContain(tokens[0]!);
  });

  it('refuses a name that is taken with exit 2, naming --rotate, and keeps the token', async () => {
    const again = await runNarada(['users', 'add', 'alice'], { env });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('A user named "alice" already exists');
    expect(again.stderr).toContain('narada users add alice --rotate');
    expect(again.stdout).toBe('');
    expect((await storedHashes()).alice).toBe(sha256(aliceToken));
  });

  it('refuses a name with spaces with exit 2', async () => {
    const bad = await runNarada(['users', 'add', 'al ice'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('The user name "al ice" is not usable');
  });

  it('lists the users without their tokens', async () => {
    const list = await runNarada(['users', 'list', '--json'], { env });
    expectSuccess(list);
    const users = list.json<Array<Record<string, unknown>>>();
    expect(users.map((u) => [u['name'], u['listens']])).toEqual([
      ['alice', 0],
      ['bob', 0],
    ]);
    expect(users.every((u) => !('token' in u) && !('tokenHash' in u))).toBe(true);
    expect(list.stdout).not.toContain(aliceToken);
    expect(list.stdout).not.toContain(sha256(aliceToken));
  });

  it('rotates a token: a new one is printed and only its hash replaces the old', async () => {
    const rotated = await runNarada(['users', 'add', 'alice', '--rotate', '--json'], { env });
    expectSuccess(rotated);
    const json = rotated.json<AddedJson>();
    expect(json).toMatchObject({ name: 'alice', rotated: true, token: expect.stringMatching(UUID) });
    expect(json.token).not.toBe(aliceToken);
    expect((await storedHashes()).alice).toBe(sha256(json.token));
  });

  it('removes a user, and refuses to remove one that is not there', async () => {
    expectSuccess(await runNarada(['users', 'remove', 'bob'], { env }));
    expect(Object.keys(await storedHashes())).toEqual(['alice']);
    const missing = await runNarada(['users', 'remove', 'bob'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No user is named "bob"');
    if (!onPostgres) expect(existsSync(join(home.path, 'narada.db'))).toBe(true);
  });
});
