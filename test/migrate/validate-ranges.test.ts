import { describe, expect, it } from 'vitest';
import {
  describeRange,
  keyComparison,
  rangePredicate,
  type TableShape,
} from '../../src/migrate/validate/chunks.ts';
import { checksumQuery } from '../../src/migrate/validate/checksum.ts';

const single: TableShape = { database: 'shop', table: 'visits', keyColumns: ['id'], columns: ['id', 'url'] };
const pair: TableShape = {
  database: 'shop',
  table: 'order_items',
  keyColumns: ['order_id', 'line_no'],
  columns: ['order_id', 'line_no', 'sku'],
};
const keyless: TableShape = {
  database: 'shop',
  table: 'audit_log',
  keyColumns: [],
  columns: ['event', 'note'],
};

describe('keyComparison', () => {
  it.each([
    [['id'], '>=', [5], '`id` >= ?', [5]],
    [['id'], '<', [9], '`id` < ?', [9]],
    [['a', 'b'], '>=', [1, 2], '((`a` > ?) OR (`a` = ? AND `b` >= ?))', [1, 1, 2]],
    [['a', 'b'], '<', [1, 2], '((`a` < ?) OR (`a` = ? AND `b` < ?))', [1, 1, 2]],
  ] as const)('%j %s %j', (columns, operator, values, sql, params) => {
    expect(keyComparison(columns, operator, values)).toEqual({ sql, params });
  });
});

describe('ranges', () => {
  it.each([
    [single, { from: null, to: [100] }, 'id < 100', '`id` < ?'],
    [single, { from: [100], to: [200] }, '100 <= id < 200', '`id` >= ? AND `id` < ?'],
    [single, { from: [200], to: null }, 'id >= 200', '`id` >= ?'],
    [single, { from: ['a"b'], to: null }, 'id >= "a\\"b"', '`id` >= ?'],
    [
      pair,
      { from: [7, 1], to: [9, 2] },
      '(7, 1) <= (order_id, line_no) < (9, 2)',
      '((`order_id` > ?) OR (`order_id` = ? AND `line_no` >= ?)) AND ((`order_id` < ?) OR (`order_id` = ? AND `line_no` < ?))',
    ],
    [keyless, { from: null, to: null }, 'whole table (no primary key)', '1 = 1'],
  ] as const)('%#: %s', (shape, range, described, predicate) => {
    expect(describeRange(shape, range)).toBe(described);
    expect(rangePredicate(shape.keyColumns, range).sql).toBe(predicate);
  });

  it('checksums every column and tells NULL from the empty string', () => {
    const { sql } = checksumQuery(pair, { from: null, to: null });
    expect(sql).toContain(
      "CONCAT_WS('#', `order_id`, `line_no`, `sku`, CONCAT(ISNULL(`order_id`), ISNULL(`line_no`), ISNULL(`sku`)))",
    );
    expect(sql).toContain('FROM `shop`.`order_items` WHERE 1 = 1');
  });
});
