import type { Connection } from 'mysql2/promise';

/**
 * A getback-like data set on a MariaDB server (it uses MariaDB's SEQUENCE engine to generate rows
 * fast): InnoDB tables with foreign keys, a large `visits` table with a secondary index and a ~200-byte
 * JSON payload, one MyISAM table, one table without a primary key, a trigger, a view, a procedure and an
 * event, all owned by a DEFINER account (`app`@`%`) that a fresh target does not have.
 */
export interface DatasetOptions {
  readonly database?: string;
  readonly customers?: number;
  readonly ordersPerCustomer?: number;
  readonly itemsPerOrder?: number;
  readonly visits?: number;
  readonly noPrimaryKeyRows?: number;
  readonly myisamRows?: number;
  /** Rows per INSERT … SELECT while filling `visits` (one transaction each). */
  readonly batchRows?: number;
  /** Also add a column with a zero-date default (allowed by MariaDB's default sql_mode). */
  readonly zeroDates?: boolean;
  /** Write the generated rows to the binary log too (default false: faster, and no replica needs them). */
  readonly logToBinlog?: boolean;
}

export const DEFAULT_DATABASE = 'shop';
export const DEFINER = "'app'@'%'";

/** What the data set contains, for assertions. */
export const DATASET_TABLES = {
  customers: { engine: 'InnoDB', primaryKey: true },
  orders: { engine: 'InnoDB', primaryKey: true },
  order_items: { engine: 'InnoDB', primaryKey: true },
  visits: { engine: 'InnoDB', primaryKey: true },
  legacy_counters: { engine: 'MyISAM', primaryKey: true },
  audit_log: { engine: 'InnoDB', primaryKey: false },
} as const;
export const MYISAM_TABLE = 'legacy_counters';
export const NO_PRIMARY_KEY_TABLE = 'audit_log';

export interface DatasetSummary {
  readonly database: string;
  readonly rows: Record<keyof typeof DATASET_TABLES, number>;
}

const schemaStatements = (db: string, zeroDates: boolean): string[] => [
  `DROP DATABASE IF EXISTS \`${db}\``,
  `CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`,
  `CREATE USER IF NOT EXISTS ${DEFINER} IDENTIFIED BY 'app-password'`,
  `GRANT ALL ON \`${db}\`.* TO ${DEFINER}`,
  `CREATE TABLE \`${db}\`.customers (
     id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
     email VARCHAR(190) NOT NULL,
     name VARCHAR(100) NOT NULL,
     country CHAR(2) NOT NULL,
     \`rank\` INT NOT NULL DEFAULT 0,
     created_at DATETIME NOT NULL,
     UNIQUE KEY uk_customers_email (email)
   ) ENGINE=InnoDB`,
  `CREATE TABLE \`${db}\`.orders (
     id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
     customer_id INT UNSIGNED NOT NULL,
     status ENUM('new','paid','shipped','cancelled') NOT NULL,
     total DECIMAL(12,2) NOT NULL,
     created_at DATETIME NOT NULL,
     KEY ix_orders_customer (customer_id),
     CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
   ) ENGINE=InnoDB`,
  `CREATE TABLE \`${db}\`.order_items (
     order_id INT UNSIGNED NOT NULL,
     line_no SMALLINT UNSIGNED NOT NULL,
     sku VARCHAR(32) NOT NULL,
     quantity INT NOT NULL,
     price DECIMAL(10,2) NOT NULL,
     PRIMARY KEY (order_id, line_no),
     CONSTRAINT fk_items_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
   ) ENGINE=InnoDB`,
  `CREATE TABLE \`${db}\`.visits (
     id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
     customer_id INT UNSIGNED NOT NULL,
     visited_at DATETIME NOT NULL,
     url VARCHAR(255) NOT NULL,
     payload JSON NOT NULL,
     KEY ix_visits_customer_time (customer_id, visited_at)
   ) ENGINE=InnoDB`,
  `CREATE TABLE \`${db}\`.legacy_counters (
     id INT UNSIGNED NOT NULL PRIMARY KEY,
     name VARCHAR(64) NOT NULL,
     hits BIGINT NOT NULL DEFAULT 0${zeroDates ? ",\n     reset_at DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00'" : ''}
   ) ENGINE=MyISAM`,
  `CREATE TABLE \`${db}\`.audit_log (
     event VARCHAR(32) NOT NULL,
     customer_id INT UNSIGNED NOT NULL,
     logged_at DATETIME NOT NULL,
     note VARCHAR(200) NOT NULL DEFAULT ''
   ) ENGINE=InnoDB`,
];

const routineStatements = (db: string): string[] => [
  `CREATE DEFINER=${DEFINER} TRIGGER \`${db}\`.trg_orders_audit AFTER INSERT ON \`${db}\`.orders FOR EACH ROW
     INSERT INTO audit_log (event, customer_id, logged_at, note) VALUES ('order', NEW.customer_id, NEW.created_at, CONCAT('order ', NEW.id))`,
  `CREATE DEFINER=${DEFINER} SQL SECURITY DEFINER VIEW \`${db}\`.customer_order_totals AS
     SELECT c.id AS customer_id, c.email, COUNT(o.id) AS orders, COALESCE(SUM(o.total), 0) AS total
     FROM \`${db}\`.customers c LEFT JOIN \`${db}\`.orders o ON o.customer_id = c.id GROUP BY c.id, c.email`,
  `CREATE DEFINER=${DEFINER} PROCEDURE \`${db}\`.record_visit(IN p_customer INT UNSIGNED, IN p_url VARCHAR(255))
     MODIFIES SQL DATA
     INSERT INTO visits (customer_id, visited_at, url, payload) VALUES (p_customer, NOW(), p_url, JSON_OBJECT('via', 'procedure'))`,
  `CREATE DEFINER=${DEFINER} EVENT \`${db}\`.purge_old_visits ON SCHEDULE EVERY 1 DAY DISABLE
     DO DELETE FROM visits WHERE visited_at < NOW() - INTERVAL 10 YEAR`,
];

/** Rows numbered seq = from..to, generated by MariaDB's SEQUENCE engine (seq_1_to_N tables). */
const sequence = (from: number, to: number): string => `seq_${from}_to_${to}`;

/** Creates (or re-creates) the data set and returns the row counts it wrote. */
export async function createDataset(
  connection: Connection,
  options: DatasetOptions = {},
): Promise<DatasetSummary> {
  const db = options.database ?? DEFAULT_DATABASE;
  const customers = options.customers ?? 1000;
  const orders = customers * (options.ordersPerCustomer ?? 3);
  const itemsPerOrder = options.itemsPerOrder ?? 2;
  const visits = options.visits ?? 5000;
  const noPrimaryKeyRows = options.noPrimaryKeyRows ?? 1000;
  const myisamRows = options.myisamRows ?? 100;
  const batchRows = options.batchRows ?? 500_000;

  await connection.query(`SET SESSION sql_log_bin = ${options.logToBinlog ? 1 : 0}`);
  await connection.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
  for (const sql of schemaStatements(db, options.zeroDates ?? false)) await connection.query(sql);
  // The seq_N_to_M tables resolve only with a current database.
  await connection.query(`USE \`${db}\``);

  const fill = async (table: string, columns: string, select: string, count: number): Promise<void> => {
    for (let from = 1; from <= count; from += batchRows) {
      const to = Math.min(count, from + batchRows - 1);
      await connection.query(
        `INSERT INTO \`${db}\`.${table} (${columns}) SELECT ${select} FROM ${sequence(from, to)}`,
      );
    }
  };
  await fill(
    'customers',
    'id, email, name, country, `rank`, created_at',
    `seq, CONCAT('customer', seq, '@example.com'), CONCAT('Customer ', seq), ELT(1 + seq % 4, 'DE', 'FR', 'US', 'JP'),
     seq % 100, TIMESTAMP('2020-01-01') + INTERVAL seq MINUTE`,
    customers,
  );
  await fill(
    'orders',
    'id, customer_id, status, total, created_at',
    `seq, 1 + (seq - 1) % ${customers}, ELT(1 + seq % 4, 'new', 'paid', 'shipped', 'cancelled'),
     ROUND(5 + (seq * 7919 % 100000) / 100, 2), TIMESTAMP('2021-01-01') + INTERVAL seq MINUTE`,
    orders,
  );
  for (let line = 1; line <= itemsPerOrder; line += 1) {
    await fill(
      'order_items',
      'order_id, line_no, sku, quantity, price',
      `seq, ${line}, CONCAT('SKU-', (seq * ${line}) % 5000), 1 + seq % 5, ROUND(1 + (seq * 104729 % 10000) / 100, 2)`,
      orders,
    );
  }
  await fill(
    'visits',
    'id, customer_id, visited_at, url, payload',
    `seq, 1 + (seq * 7) % ${customers}, TIMESTAMP('2022-01-01') + INTERVAL seq SECOND,
     CONCAT('https://shop.example.com/p/', seq % 997),
     CONCAT('{"ua":"Mozilla/5.0 (X11; Linux x86_64)","session":"', MD5(seq), '","ref":"', SHA1(seq),
            '","path":"/p/', seq % 997, '","lang":"en-US,en;q=0.9","tz":"Europe/Berlin","ms":', seq % 3000, '}')`,
    visits,
  );
  await fill('legacy_counters', 'id, name, hits', `seq, CONCAT('counter-', seq), seq * 3`, myisamRows);
  await fill(
    'audit_log',
    'event, customer_id, logged_at, note',
    `'import', 1 + seq % ${customers}, TIMESTAMP('2023-01-01') + INTERVAL seq SECOND, CONCAT('row ', seq)`,
    noPrimaryKeyRows,
  );
  for (const sql of routineStatements(db)) await connection.query(sql);
  await connection.query('SET SESSION foreign_key_checks = 1, unique_checks = 1, sql_log_bin = 1');

  return {
    database: db,
    rows: {
      customers,
      orders,
      order_items: orders * itemsPerOrder,
      visits,
      legacy_counters: myisamRows,
      audit_log: noPrimaryKeyRows,
    },
  };
}

export interface WriteLoad {
  /** Stops the writes and returns how many of each were committed. */
  stop(): Promise<WriteLoadCounts>;
}

export interface WriteLoadCounts {
  inserts: number;
  updates: number;
  deletes: number;
  errors: string[];
}

/**
 * A steady stream of small autocommit writes on the source (new orders firing the trigger, new and
 * deleted visits, order status changes, MyISAM counter bumps, updates of the key-less table), about
 * `perSecond` statements per second, until stop().
 */
export function startWriteLoad(
  connection: Connection,
  options: { database?: string; perSecond?: number; customers?: number } = {},
): WriteLoad {
  const db = options.database ?? DEFAULT_DATABASE;
  const customers = options.customers ?? 1000;
  const pauseMs = 1000 / (options.perSecond ?? 100);
  const counts: WriteLoadCounts = { inserts: 0, updates: 0, deletes: 0, errors: [] };
  let stopping = false;
  let step = 0;
  const random = (n: number): number => 1 + Math.floor(Math.random() * n);

  const writes: readonly [keyof Omit<WriteLoadCounts, 'errors'>, () => [string, unknown[]]][] = [
    [
      'inserts',
      () => [
        `INSERT INTO \`${db}\`.orders (customer_id, status, total, created_at) VALUES (?, 'new', ?, NOW())`,
        [random(customers), random(50000) / 100],
      ],
    ],
    [
      'inserts',
      () => [
        `INSERT INTO \`${db}\`.visits (customer_id, visited_at, url, payload) VALUES (?, NOW(), ?, JSON_OBJECT('live', TRUE, 'n', ?))`,
        [random(customers), `https://shop.example.com/live/${step}`, step],
      ],
    ],
    [
      'updates',
      () => [
        `UPDATE \`${db}\`.orders SET status = 'paid', total = total + 1 WHERE id = ?`,
        [random(customers)],
      ],
    ],
    ['updates', () => [`UPDATE \`${db}\`.legacy_counters SET hits = hits + 1 WHERE id = ?`, [random(10)]]],
    [
      'updates',
      () => [
        `UPDATE \`${db}\`.audit_log SET note = ? WHERE customer_id = ? LIMIT 1`,
        [`live ${step}`, random(customers)],
      ],
    ],
    ['deletes', () => [`DELETE FROM \`${db}\`.visits WHERE id = ?`, [random(1000)]]],
  ];

  const loop = (async () => {
    while (!stopping) {
      const [kind, build] = writes[step % writes.length]!;
      step += 1;
      try {
        const [sql, params] = build();
        await connection.query(sql, params);
        counts[kind] += 1;
      } catch (error) {
        counts.errors.push(error instanceof Error ? error.message : String(error));
        if (counts.errors.length > 20) break;
      }
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  })();

  return {
    stop: async () => {
      stopping = true;
      await loop;
      return counts;
    },
  };
}
