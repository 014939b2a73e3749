import { describe, expect, it } from 'vitest';
import { compareSchemaVersions, formatSchemaVersion, schemaVersionOf } from './schema-version.js';

describe('schema versions', () => {
  it('is the highest migration number among the files, ignoring anything else', () => {
    expect(
      schemaVersionOf([
        '0001_create_tenants.sql',
        '0017_create_x.sql',
        '0009_y.sql',
        'README.md',
        '9999_not-a-migration.txt',
      ]),
    ).toBe(17);
  });

  it('is 0 for a folder or database without migrations', () => {
    expect(schemaVersionOf([])).toBe(0);
  });

  it('tells a database behind, at or ahead of the build', () => {
    expect(compareSchemaVersions(17, 14)).toBe('behind');
    expect(compareSchemaVersions(17, 17)).toBe('current');
    expect(compareSchemaVersions(17, 18)).toBe('ahead');
  });

  it('spells a version as the migration files do', () => {
    expect(formatSchemaVersion(17)).toBe('0017');
    expect(formatSchemaVersion(0)).toBe('0000');
  });
});
