import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { backupJsonSchema } from '../../../src/domain/backup/backup-json-schema.js';
import { aBackup } from './backup-samples.js';

const PUBLISHED = new URL('../../../docs/backup.schema.json', import.meta.url);

interface ObjectSchema {
  readonly required?: readonly string[];
  readonly properties?: Record<string, ObjectSchema & { items?: ObjectSchema }>;
  readonly additionalProperties?: boolean;
}

describe('the published backup JSON Schema', () => {
  it('is exactly the schema generated from the validator (regenerate docs/backup.schema.json if this fails)', () => {
    // Regenerate: npm run build && node -e "import('./dist/src/domain/backup/backup-json-schema.js').then(m => require('fs').writeFileSync('docs/backup.schema.json', JSON.stringify(m.backupJsonSchema(), null, 2) + '\n'))"
    expect(JSON.parse(readFileSync(PUBLISHED, 'utf8'))).toEqual(backupJsonSchema());
  });

  it('requires every field a written backup has, at every level', () => {
    const schema = backupJsonSchema() as ObjectSchema;
    const backup = aBackup();
    expect([...(schema.required ?? [])].sort()).toEqual(
      Object.keys(backup)
        .filter((k) => k !== '$schema')
        .sort(),
    );
    expect([...(schema.properties?.playlist?.required ?? [])].sort()).toEqual(
      Object.keys(backup.playlist).sort(),
    );
    expect([...(schema.properties?.items?.items?.required ?? [])].sort()).toEqual(
      Object.keys(backup.items[0]!).sort(),
    );
    expect(schema.additionalProperties).toBe(false);
  });
});
