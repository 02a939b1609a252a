import {
  datetimeRegex,
  ZodArray,
  ZodBoolean,
  ZodDefault,
  ZodEnum,
  ZodLiteral,
  ZodNever,
  ZodNullable,
  ZodNumber,
  ZodObject,
  ZodOptional,
  ZodRecord,
  ZodString,
  type ZodRawShape,
  type ZodTypeAny,
} from 'zod';

/**
 * A fast path for validating a freshly parsed JSON document against a zod schema: the schema is compiled
 * once into plain functions that check types and fill defaults in place, without building a copy of the
 * document. It accepts only what the zod schema accepts and yields the same data (defaults filled, unknown
 * keys of non-strict objects dropped); whatever it does not understand it hands to zod itself. When it
 * rejects a document, callers run the zod schema to get zod's error messages.
 */
export type Validate = (value: unknown) => unknown;

/** Returned by a validator for an invalid value. */
export const INVALID: unique symbol = Symbol('invalid');

export function compileSchema(schema: ZodTypeAny): Validate {
  if (schema instanceof ZodString) return compileString(schema);
  if (schema instanceof ZodNumber) return compileNumber(schema);
  if (schema instanceof ZodBoolean) return (value) => (typeof value === 'boolean' ? value : INVALID);
  if (schema instanceof ZodLiteral) {
    const literal: unknown = schema.value;
    return (value) => (value === literal ? value : INVALID);
  }
  if (schema instanceof ZodEnum) {
    const options = new Set<unknown>(schema.options as unknown[]);
    return (value) => (typeof value === 'string' && options.has(value) ? value : INVALID);
  }
  if (schema instanceof ZodNullable) {
    const inner = compileSchema(schema.unwrap() as ZodTypeAny);
    return (value) => (value === null ? null : inner(value));
  }
  if (schema instanceof ZodOptional) {
    const inner = compileSchema(schema.unwrap() as ZodTypeAny);
    return (value) => (value === undefined ? undefined : inner(value));
  }
  if (schema instanceof ZodDefault) {
    const inner = compileSchema(schema.removeDefault() as ZodTypeAny);
    const fallback = (schema._def as { defaultValue: () => unknown }).defaultValue;
    return (value) => inner(value === undefined ? structuredClone(fallback()) : value);
  }
  if (schema instanceof ZodArray) return compileArray(schema);
  if (schema instanceof ZodObject) return compileObject(schema);
  if (schema instanceof ZodRecord) return compileRecord(schema);
  return byZod(schema);
}

/** The zod schema itself, for the kinds the fast path does not compile. */
function byZod(schema: ZodTypeAny): Validate {
  return (value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? (parsed.data as unknown) : INVALID;
  };
}

function compileString(schema: ZodString): Validate {
  const tests: ((value: string) => boolean)[] = [];
  for (const check of schema._def.checks) {
    if (check.kind === 'min') tests.push((value) => value.length >= check.value);
    else if (check.kind === 'max') tests.push((value) => value.length <= check.value);
    else if (check.kind === 'length') tests.push((value) => value.length === check.value);
    else if (check.kind === 'regex') {
      const regex = new RegExp(check.regex.source, check.regex.flags.replace(/[gy]/g, ''));
      tests.push((value) => regex.test(value));
    } else if (check.kind === 'datetime') {
      const regex = datetimeRegex(check);
      tests.push((value) => regex.test(value));
    } else return byZod(schema);
  }
  return (value) => (typeof value === 'string' && tests.every((test) => test(value)) ? value : INVALID);
}

function compileNumber(schema: ZodNumber): Validate {
  const tests: ((value: number) => boolean)[] = [];
  for (const check of schema._def.checks) {
    if (check.kind === 'int') tests.push((value) => Number.isInteger(value));
    else if (check.kind === 'min') {
      tests.push(check.inclusive ? (value) => value >= check.value : (value) => value > check.value);
    } else if (check.kind === 'max') {
      tests.push(check.inclusive ? (value) => value <= check.value : (value) => value < check.value);
    } else if (check.kind === 'finite') tests.push((value) => Number.isFinite(value));
    else return byZod(schema);
  }
  return (value) =>
    typeof value === 'number' && !Number.isNaN(value) && tests.every((test) => test(value)) ? value : INVALID;
}

function compileArray(schema: ZodArray<ZodTypeAny>): Validate {
  const { exactLength, minLength, maxLength } = schema._def;
  const element = compileSchema(schema.element);
  return (value) => {
    if (!Array.isArray(value)) return INVALID;
    if (exactLength && value.length !== exactLength.value) return INVALID;
    if (minLength && value.length < minLength.value) return INVALID;
    if (maxLength && value.length > maxLength.value) return INVALID;
    for (let index = 0; index < value.length; index += 1) {
      const item = element(value[index]);
      if (item === INVALID) return INVALID;
      value[index] = item;
    }
    return value;
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compileObject(schema: ZodObject<ZodRawShape>): Validate {
  if (!(schema._def.catchall instanceof ZodNever)) return byZod(schema);
  const unknownKeys = schema._def.unknownKeys as 'strip' | 'strict' | 'passthrough';
  const fields = Object.entries(schema.shape).map(([key, field]) => ({
    key,
    validate: compileSchema(field as ZodTypeAny),
  }));
  const known = new Set(fields.map((field) => field.key));
  return (value) => {
    if (!isPlainObject(value)) return INVALID;
    for (const { key, validate } of fields) {
      const present = key in value;
      const field = validate(value[key]);
      if (field === INVALID) return INVALID;
      if (present || field !== undefined) value[key] = field;
    }
    if (unknownKeys !== 'passthrough') {
      for (const key of Object.keys(value)) {
        if (known.has(key)) continue;
        if (unknownKeys === 'strict') return INVALID;
        delete value[key];
      }
    }
    return value;
  };
}

function compileRecord(schema: ZodRecord): Validate {
  const keyType = schema.keySchema as ZodTypeAny;
  if (!(keyType instanceof ZodString) || keyType._def.checks.length > 0) return byZod(schema);
  const validate = compileSchema(schema.valueSchema as ZodTypeAny);
  return (value) => {
    if (!isPlainObject(value)) return INVALID;
    for (const key of Object.keys(value)) {
      const field = validate(value[key]);
      if (field === INVALID) return INVALID;
      value[key] = field;
    }
    return value;
  };
}
