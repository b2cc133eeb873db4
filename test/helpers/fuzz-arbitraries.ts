// fast-check arbitraries for fuzzing the GraphQL API from its built schema: every operation is
// enumerated (root fields, and the fields of namespace objects such as `me` and `admin`), its
// arguments are generated from their input types, and a selection set is derived from its return
// type. Nothing here knows a particular operation, so operations added later are fuzzed as well.
import fc from 'fast-check';
import {
  astFromValue,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  print,
} from 'graphql';

export interface Operation {
  /** e.g. `mutation.me.updateProfile` */
  name: string;
  kind: 'query' | 'mutation';
  /** The namespace field (`me`, `admin`), when the operation sits under one. */
  namespace?: string;
  field: GraphQLField<unknown, unknown>;
}

/** Root query and mutation fields, plus one level under argument-less object fields (`me`, `admin`). */
export function enumerateOperations(schema: GraphQLSchema): Operation[] {
  const operations: Operation[] = [];
  for (const [kind, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      operations.push({ name: `${kind}.${field.name}`, kind, field });
      const type = getNamedType(field.type);
      if (isObjectType(type) && !field.args.some((a) => isNonNullType(a.type))) {
        for (const inner of Object.values(type.getFields())) {
          operations.push({ name: `${kind}.${field.name}.${inner.name}`, kind, namespace: field.name, field: inner });
        }
      }
    }
  }
  return operations;
}

/** Values that services parse, plus values meant to break them (none of them contains text the properties look for). */
export interface Pools {
  ids: string[];
  strings: string[];
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\udc00\ud800',
  '\uffff',
  '\ufeff',
  '\u202eevil',
  '🦊',
  'Zoë 名前',
  '%00',
  '\\u0000',
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '\r\n\t',
  '{"a":1}',
  'null',
  '-1',
  '1e400',
  'http://',
  'https://example.com/a.png',
  'javascript:alert(1)',
  'user@example.com',
  '+14155550100',
  '000000',
  '2020-13-45T00:00:00Z',
  'mc_0000',
  'pat_abc',
];

const PREFIXES = ['usr_', 'ses_', 'mfa_', 'tok_', 'mcl_', 'aud_', 'ver_', 'rt_', 'zzz_', ''];

export function stringArb(pools: Pools): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS, ...pools.strings) },
    { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom('\u0000', '\ud800', '\udc00')).map(([s, bad]) => s + bad) },
    { weight: 1, arbitrary: fc.constantFrom(2_000, 70_000).map((n) => 'x'.repeat(n)) },
  );
}

export function idArb(pools: Pools): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: pools.ids.length ? fc.constantFrom(...pools.ids) : fc.constant('usr_') },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...PREFIXES), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), maxLength: 32 })).map(([p, h]) => p + h) },
    { weight: 2, arbitrary: stringArb(pools) },
  );
}

const dateTimeArb = fc.oneof(
  fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00.000Z', 'not a date', '2024-02-30T00:00:00Z', ''),
);

const intArb = fc.oneof(
  fc.integer({ min: -3, max: 120 }),
  fc.constantFrom(0, -1, 1_000_000, 2_147_483_647, -2_147_483_648),
);

function jsonArb(pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  const leaf = fc.oneof(stringArb(pools), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(stringArb(pools), tie('node'), { maxKeys: 3 })),
  })).node;
  return fc.dictionary(stringArb(pools), value, { maxKeys: 4 });
}

/** A value of the wrong type for any input: what a careless or hostile client sends. */
function wrongArb(pools: Pools): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constant(null),
    fc.integer(),
    fc.double(),
    fc.constant(2 ** 53),
    fc.boolean(),
    stringArb(pools),
    fc.constant([]),
    fc.constant({}),
    fc.array(fc.integer(), { maxLength: 3 }),
  );
}

/** A value for `type`: mostly of the right shape, sometimes of the wrong one. */
export function valueArb(type: GraphQLInputType, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  const right = rightValueArb(type, pools, depth);
  return fc.oneof({ weight: 9, arbitrary: right }, { weight: 1, arbitrary: wrongArb(pools) });
}

function rightValueArb(type: GraphQLInputType, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return rightValueArb(type.ofType, pools, depth);
  if (isListType(type)) return fc.array(valueArb(type.ofType, pools, depth + 1), { maxLength: depth > 2 ? 1 : 4 });
  if (isEnumType(type)) {
    return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.value as unknown)) }, { weight: 1, arbitrary: fc.constantFrom('NOT_A_VALUE', '') });
  }
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(type.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) record[f.name] = valueArb(f.type, pools, depth + 1);
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
    return fc.record(record, { requiredKeys: required as never[] });
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'String':
        return stringArb(pools);
      case 'ID':
        return idArb(pools);
      case 'Int':
        return intArb;
      case 'Float':
        return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), intArb);
      case 'Boolean':
        return fc.boolean();
      case 'DateTime':
        return dateTimeArb;
      case 'JSON':
        return jsonArb(pools);
      default:
        // A scalar this file does not know: strings and JSON are what clients would try.
        return fc.oneof(stringArb(pools), jsonArb(pools), intArb);
    }
  }
  return wrongArb(pools);
}

/** Leaf fields (no required arguments) of a type, and one more level of objects, as a selection set. */
export function selectionFor(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named) || isInterfaceType(named)) {
    const schemaTypes = isUnionType(named) ? named.getTypes() : [];
    const fragments = schemaTypes.map((member) => `... on ${member.name} ${objectSelection(member, depth)}`);
    return `{ __typename ${fragments.join(' ')} }`;
  }
  return objectSelection(named as GraphQLObjectType, depth);
}

function objectSelection(type: GraphQLNamedType, depth: number): string {
  if (!isObjectType(type)) return '{ __typename }';
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type))) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth < 1 && isObjectType(named)) parts.push(`${field.name} ${objectSelection(named, depth + 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

export interface FuzzRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** A request for one operation, with its arguments as variables or, sometimes, as inline literals. */
export function requestArb(op: Operation, pools: Pools): fc.Arbitrary<FuzzRequest> {
  const args = op.field.args;
  const values = fc.tuple(...args.map((arg) => fc.option(valueArb(arg.type, pools), { nil: undefined, freq: isNonNullType(arg.type) ? 20 : 3 })));
  return fc.tuple(values, fc.boolean()).map(([argValues, inline]) => {
    const declared: string[] = [];
    const passed: string[] = [];
    const variables: Record<string, unknown> = {};
    args.forEach((arg: GraphQLArgument, i) => {
      const value = argValues[i];
      if (value === undefined) return;
      const literal = inline ? literalFor(value, arg.type) : undefined;
      if (literal !== undefined) {
        passed.push(`${arg.name}: ${literal}`);
      } else {
        declared.push(`$a${i}: ${String(arg.type)}`);
        passed.push(`${arg.name}: $a${i}`);
        variables[`a${i}`] = value;
      }
    });
    const call = `${op.field.name}${passed.length ? `(${passed.join(', ')})` : ''} ${selectionFor(op.field.type)}`;
    const body = op.namespace ? `${op.namespace} { ${call} }` : call;
    return { query: `${op.kind}${declared.length ? `(${declared.join(', ')})` : ''} { ${body} }`, variables };
  });
}

function literalFor(value: unknown, type: GraphQLInputType): string | undefined {
  try {
    const ast = astFromValue(value, type);
    return ast ? print(ast) : undefined;
  } catch {
    return undefined;
  }
}
