// Each submitted listen is kept as it stood in the request: the element texts of the top-level
// `payload` list, found past strings holding brackets and quotes, and none when the key is escaped.
import { describe, expect, it } from '@jest/globals';
import { payloadElementTexts } from '../../../src/domain/intake/payload-texts.js';

describe('payloadElementTexts', () => {
  it('gives each element of payload as written, whatever comes before or after it', () => {
    const one = '{"listened_at": 1, "track_metadata": {"track_name": "a ] \\" }", "x": [1, {"y": "}"}]}}';
    const two = '{ "listened_at" :2 }';
    const text = `{"listen_type": "import", "other": {"payload": [9]}, "payload" : [ ${one} ,\n${two}], "z": null}`;

    expect(payloadElementTexts(text)).toEqual([one, two]);
    expect(JSON.parse(text).payload).toEqual([JSON.parse(one), JSON.parse(two)]);
  });

  it('takes the last payload key, as JSON.parse does', () => {
    expect(payloadElementTexts('{"payload": [{"a": 1}], "payload": [{"b": 2}, {"c": 3}]}')).toEqual([
      '{"b": 2}',
      '{"c": 3}',
    ]);
  });

  it('gives up on a payload key spelled with escapes, and on a document without one', () => {
    expect(payloadElementTexts('{"payload": [{"a": 1}], "pay\\u006coad": [{"b": 2}]}')).toBeNull();
    expect(payloadElementTexts('{"listen_type": "single"}')).toBeNull();
    expect(payloadElementTexts('[]')).toBeNull();
  });

  it('reads an empty list and elements that are not objects', () => {
    expect(payloadElementTexts('{"payload": []}')).toEqual([]);
    expect(payloadElementTexts('{"payload": [1, "two", null, [3]]}')).toEqual(['1', '"two"', 'null', '[3]']);
  });
});
