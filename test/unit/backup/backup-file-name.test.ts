import { describe, expect, it } from '@jest/globals';
import { backupFileName, safeFileStem } from '../../../src/domain/backup/backup-file-name.js';

describe('safe backup file names', () => {
  it.each([
    ['Road Trip', 'Road Trip'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['a/b\\c', 'a_b_c'],
    ['..', 'playlist'],
    ['.hidden', 'hidden'],
    ['   ', 'playlist'],
    ['CON', '_CON'],
    ['lpt1.txt', '_lpt1.txt'],
    ['tab\there\nnewline', 'tab here newline'],
    ['what? <yes>: "no" | *', 'what_ _yes__ _no_ _ _'],
    ['ends with dots...', 'ends with dots'],
    ['right\u202eto left', 'rightto left'],
    ['🇦🇷️', '🇦🇷️'],
  ])('turns %j into the plain segment %j', (name, stem) => {
    expect(safeFileStem(name)).toBe(stem);
  });

  it('keeps names short enough for any file system, cutting whole characters', () => {
    const stem = safeFileStem('ü'.repeat(400));
    expect(Buffer.byteLength(stem, 'utf8')).toBeLessThanOrEqual(150);
    expect(stem).toBe('ü'.repeat(75));
  });

  it('never gives a name another file has, compared without case', () => {
    expect(backupFileName('Mix', 'id1', new Set())).toBe('Mix.json');
    expect(backupFileName('Mix', 'id1', new Set(['mix.json']))).toBe('Mix (id1).json');
    expect(backupFileName('Mix', 'id1', new Set(['mix.json', 'mix (id1).json']))).toBe('Mix (id1) 2.json');
  });
});
