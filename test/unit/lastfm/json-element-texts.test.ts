import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '../../../src/domain/shared/seeded-random.js';
import { jsonElementTexts } from '../../../src/infrastructure/connectors/lastfm/json-element-texts.js';

const PATH = ['recenttracks', 'track'];

/** A page whose `track` array holds `entries` verbatim, so the expected slices are known exactly. */
function page(entries: readonly string[], before = '', after = ''): string {
  return `{"recenttracks":{${before}"track":[${entries.join(',')}]${after}}}`;
}

/** Each slice parses to its parsed entry and sits in the text after the one before it. */
function expectFaithfulSlices(text: string, slices: readonly string[]): void {
  const parsed = (JSON.parse(text) as { recenttracks: { track: unknown[] } }).recenttracks.track;
  expect(slices.map((slice) => JSON.parse(slice) as unknown)).toEqual(parsed);
  let from = 0;
  for (const slice of slices) {
    const at = text.indexOf(slice, from);
    expect(at).toBeGreaterThanOrEqual(from);
    from = at + slice.length;
  }
}

describe('jsonElementTexts', () => {
  it('gives the text of each entry of a compact page, in order', () => {
    const entries = ['{"name":"A","date":{"uts":"1"}}', '{"name":"B","date":{"uts":"2"}}'];
    const text = page(entries, '', ',"@attr":{"page":"1"}');
    expect(jsonElementTexts(text, PATH)).toEqual(entries);
  });

  it('keeps whitespace inside entries and skips it around them, with @attr first', () => {
    const entries = ['{ "name" : "A" ,\n\t"image" : [ { "size" : "small" } ]\r\n}', '{\n}'];
    const text = ` \n{ "recenttracks" :\t{ "@attr" : { "page" : "1" } ,\n "track" :\n [ ${entries.join(' ,\n ')} \n] } }\n`;
    const slices = jsonElementTexts(text, PATH)!;
    expect(slices).toEqual(entries);
    expectFaithfulSlices(text, slices);
  });

  it('is not fooled by braces, brackets, quotes, commas and colons inside strings', () => {
    const entries = [
      String.raw`{"name":"}]{[,:","artist":"\"quoted\" {x}"}`,
      String.raw`{"name":"ends in a backslash \\","album":"\\\"still inside\\\\"}`,
      String.raw`{"name":"a\\\\","url":"\\"}`,
      String.raw`{"name":"\"]},{\"","n":"x"}`,
    ];
    const text = page(entries);
    const slices = jsonElementTexts(text, PATH)!;
    expect(slices).toEqual(entries);
    expectFaithfulSlices(text, slices);
  });

  it('keeps escapes as sent (\\u00e9, \\/) and raw unicode, not the decoded characters', () => {
    const entries = [
      String.raw`{"name":"Caf\u00e9 \ud83c\udfb5","url":"https:\/\/www.last.fm\/music"}`,
      '{"name":"Sigur Rós – Hoppípolla 🎵"}',
    ];
    const text = page(entries);
    const slices = jsonElementTexts(text, PATH)!;
    expect(slices).toEqual(entries);
    expect((JSON.parse(slices[0]!) as { name: string }).name).toBe('Café 🎵');
  });

  it('keeps nested objects and arrays inside entries whole', () => {
    const entries = [
      '{"artist":{"name":"A","image":[{"size":"small","#text":""},{"size":"large","#text":""}]},"tags":[[1,[2]],{}],"n":null}',
      '{"deep":{"a":{"b":{"c":[{"track":[{"d":true}]}]}}},"x":-1.5e3}',
    ];
    const text = page(entries);
    expect(jsonElementTexts(text, PATH)).toEqual(entries);
  });

  it('follows only the path: "track" elsewhere, or inside a string, is not the list', () => {
    const entries = ['{"name":"real"}'];
    const text =
      `{"track":[{"name":"root decoy"}],"note":"\\"recenttracks\\":{\\"track\\":[{}]}",` +
      `"recenttracks":{"@attr":{"track":[{"name":"attr decoy"}]},"track":[${entries[0]}],"more":[{"track":[]}]}}`;
    expect(jsonElementTexts(text, PATH)).toEqual(entries);
  });

  it('reads keys written with escapes as JSON.parse does', () => {
    const text = String.raw`{"rec\u0065nttracks":{"tr\u0061ck":[{"name":"A"}]}}`;
    expect(jsonElementTexts(text, PATH)).toEqual(['{"name":"A"}']);
  });

  it('takes the last of duplicate keys, as JSON.parse does', () => {
    const text = '{"recenttracks":{"track":[{"name":"first"}],"track":[{"name":"second"},{"name":"third"}]}}';
    expect(jsonElementTexts(text, PATH)).toEqual(['{"name":"second"}', '{"name":"third"}']);
    const lastIsObject = '{"recenttracks":{"track":[{"name":"first"}],"track":{"name":"single"}}}';
    expect(jsonElementTexts(lastIsObject, PATH)).toBeNull();
  });

  it('gives null for a single entry sent as a bare object', () => {
    expect(jsonElementTexts('{"recenttracks":{"track":{"name":"only"},"@attr":{}}}', PATH)).toBeNull();
  });

  it('gives null when the list or the object above it is missing, and an empty list for []', () => {
    expect(jsonElementTexts('{"recenttracks":{"#text":"\\n","total":"0"}}', PATH)).toBeNull();
    expect(jsonElementTexts('{"recenttracks":{"track":"","@attr":{}}}', PATH)).toBeNull();
    expect(jsonElementTexts('{"error":6,"message":"User not found"}', PATH)).toBeNull();
    expect(jsonElementTexts('{"recenttracks":[]}', PATH)).toBeNull();
    expect(jsonElementTexts('{}', PATH)).toBeNull();
    expect(jsonElementTexts('[{"recenttracks":{}}]', PATH)).toBeNull();
    expect(jsonElementTexts('{"recenttracks":{"track":[ ]}}', PATH)).toEqual([]);
  });

  it('gives null when an element is not an object', () => {
    expect(jsonElementTexts('{"recenttracks":{"track":[{"name":"A"},"B"]}}', PATH)).toBeNull();
    expect(jsonElementTexts('{"recenttracks":{"track":[{"name":"A"},[{}]]}}', PATH)).toBeNull();
    expect(jsonElementTexts('{"recenttracks":{"track":[null]}}', PATH)).toBeNull();
  });

  it('gives null rather than a wrong slice for text that is not whole JSON', () => {
    expect(jsonElementTexts('{"recenttracks":{"track":[{"name":"A"}', PATH)).toBeNull();
    expect(jsonElementTexts('{"recenttracks":{"track":[{"name":"A}]}}', PATH)).toBeNull();
    expect(jsonElementTexts('', PATH)).toBeNull();
  });

  it('slices exactly the entries a random writer put in, over many seeded random pages', () => {
    const random = seededRandom(20_260_707);
    for (let run = 0; run < 400; run++) {
      const { text, entries } = randomPage(new RandomJsonWriter(random));
      const slices = jsonElementTexts(text, PATH);
      expect(slices).toEqual(entries);
      expectFaithfulSlices(text, slices!);
    }
  });
});

/** Characters that trouble scanners: quotes, backslashes, structure, escapes, astral and control characters. */
const ALPHABET = [
  '"',
  '\\',
  '\\',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  ' ',
  '/',
  'é',
  '🎵',
  '\n',
  '\u0001',
  'a',
  'Z',
  '7',
];

/** Writes JSON text with random whitespace and randomly chosen (valid) escapes, never canonically. */
class RandomJsonWriter {
  constructor(private readonly random: () => number) {}

  int(below: number): number {
    return Math.floor(this.random() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  gap(): string {
    return Array.from({ length: this.int(3) }, () => this.pick([' ', '\n', '\t', '\r\n', ''])).join('');
  }

  string(value: string): string {
    let out = '"';
    for (const char of value) out += this.char(char);
    return `${out}"`;
  }

  text(maxLength: number): string {
    return Array.from({ length: this.int(maxLength + 1) }, () => this.pick(ALPHABET)).join('');
  }

  value(depth: number): string {
    const kind = this.int(depth <= 0 ? 3 : 5);
    if (kind === 0) return this.string(this.text(8));
    if (kind === 1) return this.pick(['0', '-12', '3.25', '1e-7', '-6.02E+23']);
    if (kind === 2) return this.pick(['true', 'false', 'null']);
    if (kind === 3) return this.array(Array.from({ length: this.int(4) }, () => this.value(depth - 1)));
    return this.object(depth - 1);
  }

  object(depth: number, members: string[] = []): string {
    const count = this.int(4);
    for (let i = 0; i < count; i++) members.push(this.member(`x${this.text(5)}`, this.value(depth)));
    return `{${this.gap()}${this.shuffle(members).join(`${this.gap()},${this.gap()}`)}${this.gap()}}`;
  }

  array(items: readonly string[]): string {
    return `[${this.gap()}${items.join(`${this.gap()},${this.gap()}`)}${this.gap()}]`;
  }

  member(key: string, value: string): string {
    return `${this.string(key)}${this.gap()}:${this.gap()}${value}`;
  }

  private char(char: string): string {
    if (char === '"') return '\\"';
    if (char === '\\') return '\\\\';
    if (char === '\n') return this.pick(['\\n', '\\u000a', '\\u000A']);
    const code = char.charCodeAt(0);
    if (code < 0x20 || this.random() < 0.2) return [...char].map(unicodeEscapes).join('');
    if (char === '/' && this.random() < 0.5) return '\\/';
    return char;
  }

  private shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

/** `\u00e9`, or two escapes for a character outside the BMP. */
function unicodeEscapes(char: string): string {
  let out = '';
  for (let i = 0; i < char.length; i++) out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/** A page with decoys on every side of the path; the entries are recorded as written. */
function randomPage(writer: RandomJsonWriter): { text: string; entries: string[] } {
  const entries = Array.from({ length: writer.int(6) }, () => writer.object(3));
  const decoy = writer.array([writer.object(1, [writer.member('track', writer.array([writer.object(1)]))])]);
  const list = writer.object(1, [
    writer.member('track', writer.array(entries)),
    writer.member('@attr', writer.object(1, [writer.member('track', decoy)])),
  ]);
  const text = writer.gap() + writer.object(2, [writer.member('recenttracks', list)]) + writer.gap();
  return { text, entries };
}
