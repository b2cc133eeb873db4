// Calls built from the served schema, for the schema-wide tests: a field is covered as soon as it
// is served, without anyone listing it.
import {
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  isUnionType,
} from 'graphql';

/**
 * A value of the right type for an argument (long enough to pass length checks on strings). `full`
 * fills optional input fields too, so a call reaches options that look at them (e.g. a password).
 */
export function sample(type: GraphQLInputType, full = false, depth = 0): unknown {
  if (isNonNullType(type)) return sample(type.ofType, full, depth);
  if (isListType(type)) return [sample(type.ofType, full, depth)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (required || (full && depth < 3)) out[field.name] = sample(field.type, full, depth + 1);
    }
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'DateTime':
        return '2099-01-01T00:00:00.000Z';
      case 'JSON':
        return {};
      default:
        return 'probe-with-a-long-enough-value';
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}

/** How a parent type is reached: the operation and the fields around the probed one. */
export interface ParentPath {
  operation: 'query' | 'mutation';
  /** e.g. ['me'] for MeMutation; [] for Mutation. */
  path: string[];
}

export function parentPaths(schema: GraphQLSchema): Map<string, ParentPath> {
  const paths = new Map<string, ParentPath>();
  for (const operation of ['query', 'mutation'] as const) {
    const root = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
    if (!root) continue;
    if (operation === 'mutation') paths.set(root.name, { operation, path: [] });
    // One level of namespaces (me, admin): enough for every field the tests probe.
    for (const field of Object.values(root.getFields())) {
      const type = getNamedType(field.type);
      if (type instanceof GraphQLObjectType && field.args.length === 0 && !paths.has(type.name)) paths.set(type.name, { operation, path: [field.name] });
    }
  }
  return paths;
}

/** `count` aliased calls of one field (a0: field(...), a1: …), all with the same sampled arguments. */
export function aliasedCall(field: GraphQLField<unknown, unknown>, parent: ParentPath, count: number, full = false) {
  const required = field.args.filter((a) => full || (a.type instanceof GraphQLNonNull && a.defaultValue === undefined));
  const decl = required.map((a, i) => `$a${i}: ${String(a.type)}`).join(', ');
  const call = required.map((a, i) => `${a.name}: $a${i}`).join(', ');
  const named = getNamedType(field.type);
  // Result unions carry the Error members; a plain object type (a query's answer) has none.
  const selection = isLeafType(named) ? '' : isUnionType(named) ? ' { __typename ... on Error { code message } }' : ' { __typename }';
  const aliases = Array.from({ length: count }, (_, i) => `a${i}: ${field.name}${call ? `(${call})` : ''}${selection}`).join(' ');
  const body = parent.path.reduceRight((inner, name) => `${name} { ${inner} }`, aliases);
  return {
    query: `${parent.operation}${decl ? `(${decl})` : ''} { ${body} }`,
    variables: Object.fromEntries(required.map((a, i) => [`a${i}`, sample(a.type, full)])),
  };
}

/** The answers of the aliases a0…a(n-1), under the parent path. */
export function aliasAnswers(data: any, parent: ParentPath, count: number): unknown[] {
  const holder = parent.path.reduce((value, name) => value?.[name], data);
  return Array.from({ length: count }, (_, i) => holder?.[`a${i}`] ?? null);
}
