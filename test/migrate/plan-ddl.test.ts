import { describe, expect, it } from 'vitest';
import { splitCreateTable } from '../../src/migrate/plan/ddl.ts';

const ORDERS = `CREATE TABLE \`orders\` (
  \`id\` int(10) unsigned NOT NULL AUTO_INCREMENT,
  \`customer_id\` int(10) unsigned NOT NULL,
  \`payload\` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL CHECK (json_valid(\`payload\`)),
  PRIMARY KEY (\`id\`),
  UNIQUE KEY \`uk_x\` (\`customer_id\`,\`id\`),
  KEY \`ix_orders_customer\` (\`customer_id\`),
  FULLTEXT KEY \`ft\` (\`payload\`),
  CONSTRAINT \`fk_orders_customer\` FOREIGN KEY (\`customer_id\`) REFERENCES \`customers\` (\`id\`),
  CONSTRAINT \`chk\` CHECK (\`id\` > 0)
) ENGINE=MyISAM AUTO_INCREMENT=3001 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`;

describe('splitCreateTable', () => {
  it('keeps columns, primary and unique keys and checks; moves secondary indexes out; drops foreign keys', () => {
    expect(splitCreateTable(ORDERS, { engine: 'InnoDB', name: '`probe`.`t1`' })).toEqual({
      create: `CREATE TABLE \`probe\`.\`t1\` (
  \`id\` int(10) unsigned NOT NULL AUTO_INCREMENT,
  \`customer_id\` int(10) unsigned NOT NULL,
  \`payload\` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL CHECK (json_valid(\`payload\`)),
  PRIMARY KEY (\`id\`),
  UNIQUE KEY \`uk_x\` (\`customer_id\`,\`id\`),
  CONSTRAINT \`chk\` CHECK (\`id\` > 0)
) ENGINE=InnoDB AUTO_INCREMENT=3001 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`,
      secondaryIndexes: ['KEY `ix_orders_customer` (`customer_id`)', 'FULLTEXT KEY `ft` (`payload`)'],
    });
  });

  it.each([
    [
      'CREATE TABLE `a` (\n  `x` int(11) DEFAULT NULL\n) ENGINE=InnoDB',
      'CREATE TABLE `a` (\n  `x` int(11) DEFAULT NULL\n) ENGINE=InnoDB',
      [],
    ],
    [
      'CREATE TABLE `a` (\n  `x` int(11) DEFAULT NULL,\n  KEY `k` (`x`)\n) ENGINE=InnoDB',
      'CREATE TABLE `a` (\n  `x` int(11) DEFAULT NULL\n) ENGINE=InnoDB',
      ['KEY `k` (`x`)'],
    ],
  ])('%#: trailing commas stay valid', (input, create, secondaryIndexes) => {
    expect(splitCreateTable(input)).toEqual({ create, secondaryIndexes });
  });
});
