/** Reading IAM and resource policy documents, which AWS returns as (sometimes URL-encoded) JSON. */
export interface PolicyStatement {
  Effect?: string;
  Principal?: unknown;
  Action?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

export function parsePolicyDocument(text: string | undefined): PolicyStatement[] {
  if (!text) return [];
  let json = text;
  if (!text.trimStart().startsWith('{')) {
    try {
      json = decodeURIComponent(text);
    } catch {
      return [];
    }
  }
  try {
    const document = JSON.parse(json) as { Statement?: PolicyStatement | PolicyStatement[] };
    const statements = document.Statement ?? [];
    return Array.isArray(statements) ? statements : [statements];
  } catch {
    return [];
  }
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** Principals an Allow statement names: account ARNs, services, federated providers, or `*`. */
export function allowedPrincipals(statements: readonly PolicyStatement[]): string[] {
  const principals = new Set<string>();
  for (const statement of statements) {
    if (statement.Effect !== 'Allow') continue;
    const principal = statement.Principal;
    if (typeof principal === 'string') principals.add(principal);
    else if (principal && typeof principal === 'object') {
      for (const value of Object.values(principal)) for (const item of asList(value)) principals.add(item);
    }
  }
  return [...principals].sort();
}

/** Condition keys are case-insensitive in IAM; the operator may carry an `IfExists` suffix. */
function conditionValues(condition: PolicyStatement['Condition'], operator: RegExp, key: string): string[] {
  const values: string[] = [];
  for (const [name, entries] of Object.entries(condition ?? {})) {
    if (!operator.test(name)) continue;
    for (const [conditionKey, value] of Object.entries(entries ?? {})) {
      if (conditionKey.toLowerCase() === key.toLowerCase())
        values.push(...asList(value).map((v) => v.toLowerCase()));
    }
  }
  return values;
}

/**
 * True when a statement denies every request sent without TLS: Effect Deny, any principal, and
 * `Bool`/`BoolIfExists` aws:SecureTransport = false, the form AWS documents for TLS-only buckets.
 */
export function deniesInsecureTransport(statements: readonly PolicyStatement[]): boolean {
  return statements.some(
    (statement) =>
      statement.Effect === 'Deny' &&
      (statement.Principal === '*' ||
        asList((statement.Principal as { AWS?: unknown } | undefined)?.AWS).includes('*')) &&
      conditionValues(statement.Condition, /^Bool(IfExists)?$/i, 'aws:SecureTransport').includes('false'),
  );
}
