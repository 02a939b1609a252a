import { describe, expect, it } from 'vitest';
import { loadDemoEstate } from '../../src/inventory/demo.ts';
import { SplitJsonParser } from '../../src/inventory/split-json.ts';

/** Parses `text` fed in pieces of `size` bytes, so every chunk boundary position gets exercised. */
function parseInPieces(text: string, size: number): unknown {
  const bytes = Buffer.from(text, 'utf8');
  const parser = new SplitJsonParser();
  for (let offset = 0; offset < bytes.length; offset += size)
    parser.push(bytes.subarray(offset, offset + size));
  return parser.finish();
}

const tricky = {
  schemaVersion: 1,
  note: 'brackets in strings: [ { ] } and "quotes" and \\ backslashes \\\\',
  ec2: {
    instances: [
      { name: 'a,b]', tags: { 'x"y': '\\"', nested: [[1, 2], { deep: [] }] } },
      { name: 'ünïcödé ✓ 🚀', empty: '' },
      'scalar',
      12.5,
      null,
      [],
    ],
    empty: [],
    count: 3,
  },
  list: [{ notSplit: true }],
  coverage: [],
};

describe('SplitJsonParser', () => {
  it.each([
    ['the bundled estate, compact', JSON.stringify(loadDemoEstate())],
    ['the bundled estate, indented', JSON.stringify(loadDemoEstate(), null, 2)],
    ['strings with brackets, quotes, escapes and multi-byte characters', JSON.stringify(tricky)],
    ['indented tricky strings', JSON.stringify(tricky, null, '\t')],
  ])('parses %s like JSON.parse at every chunk size', (_name, text) => {
    for (const size of [1, 2, 3, 7, 64, 1000, text.length]) {
      expect(parseInPieces(text, size)).toEqual(JSON.parse(text));
    }
  });

  it.each([
    ['a document cut short inside an array', '{"ec2":{"instances":[{"a":1},'],
    ['a document cut short inside a string', '{"ec2":{"instances":[{"a":"x'],
    ['a trailing comma in a split array', '{"ec2":{"instances":[1,]}}'],
    ['a leading comma in a split array', '{"ec2":{"instances":[,1]}}'],
    ['mismatched brackets', '{"ec2":{"instances":[1}}}'],
    ['a broken element', '{"ec2":{"instances":[{"a":}]}}'],
    ['a broken skeleton', '{"ec2":{"instances":[]} "x"}'],
  ])('rejects %s with a SyntaxError', (_name, text) => {
    for (const size of [1, 4, text.length]) {
      expect(() => parseInPieces(text, size)).toThrow(SyntaxError);
    }
  });
});
