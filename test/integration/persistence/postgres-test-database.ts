// PostgreSQL for the `npm run test:postgres` run: NARADA_TEST_DATABASE_URL names a server and a database
// to connect to; each test file gets its own fresh database (narada_test_<random>), dropped after the
// file, and each open within the file its own schema in it, dropped when the test disposes it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env['NARADA_TEST_DATABASE_URL']?.trim() || null;

/** True in the PostgreSQL run: stores open on PostgreSQL, the CLI gets DATABASE_URL. */
export const onPostgres = TEST_DATABASE_URL !== null;

let fileDatabase: Promise<string> | null = null;

/** The URL of this test file's own database, created on first use. */
export function fileDatabaseUrl(): Promise<string> {
  if (TEST_DATABASE_URL === null) throw new Error('NARADA_TEST_DATABASE_URL is not set');
  fileDatabase ??= createDatabase(TEST_DATABASE_URL);
  return fileDatabase;
}

async function createDatabase(serverUrl: string): Promise<string> {
  const name = `narada_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops this file's database if one was made (registered once per file by temp-database.ts). */
export async function dropFileDatabase(): Promise<void> {
  if (fileDatabase === null || TEST_DATABASE_URL === null) return;
  const url = new URL(await fileDatabase);
  fileDatabase = null;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** A fresh schema in the file's database; the URL selects it for every connection of a pool or a CLI. */
export async function freshSchemaUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = await fileDatabaseUrl();
  const schema = `s_${randomBytes(5).toString('hex')}`;
  await adminQuery(base, `CREATE SCHEMA "${schema}"`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: () => adminQuery(base, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`),
  };
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const schemaOfHome = new Map<string, Promise<string>>();

/** The schema URL a Narada home uses in the PostgreSQL run: one fresh schema per home, made on first use. */
export function schemaUrlFor(home: string): Promise<string> {
  let url = schemaOfHome.get(home);
  if (url === undefined) {
    url = freshSchemaUrl().then((schema) => schema.url);
    schemaOfHome.set(home, url);
  }
  return url;
}
