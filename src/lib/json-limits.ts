// Limits on JSON inputs (customData, passkey responses, every `JSON` argument): at most 32 levels
// deep and 64 KiB. Deeper values cost stack in every recursive walk (coercion, Prisma's JSON
// serialisation, our own checks): a 2,000-level customData ended in a masked internal error.
// Two checks, both INVALID_INPUT: the JSON scalar enforces the limits on its own value, and, before
// anything walks the request, the whole `variables` object may be at most a little deeper than
// that (input objects add their own levels), checked without recursion.
import { GraphQLError, GraphQLScalarType, type ValueNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { JSONObjectResolver } from 'graphql-scalars';

export const JSON_MAX_DEPTH = 32;
export const JSON_MAX_BYTES = 64 * 1024;
/** Input objects and lists around a JSON value: far more than any operation of the schema nests. */
const VARIABLES_MAX_DEPTH = JSON_MAX_DEPTH + 16;

/** Depth of objects and arrays (a scalar is 0, `{}` is 1), or `max + 1` as soon as it is exceeded. */
export function jsonDepth(value: unknown, max: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (!item || typeof item !== 'object') continue;
    const level = depth + 1;
    if (level > max) return max + 1;
    deepest = Math.max(deepest, level);
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, level]);
  }
  return deepest;
}

/**
 * A top-level INVALID_INPUT error. Wrapped once more on purpose: graphql-js re-wraps a scalar's
 * error keeping only its `originalError`, so the code must live there (and a GraphQLError there is
 * what keeps Yoga from masking it).
 */
export function invalidJsonInput(message: string): GraphQLError {
  const extensions = { code: 'INVALID_INPUT' };
  return new GraphQLError(message, { extensions, originalError: new GraphQLError(message, { extensions }) });
}

function checkJson(value: unknown): void {
  if (jsonDepth(value, JSON_MAX_DEPTH) > JSON_MAX_DEPTH) throw invalidJsonInput(`A JSON value may be at most ${JSON_MAX_DEPTH} levels deep`);
  if (Buffer.byteLength(JSON.stringify(value) ?? '') > JSON_MAX_BYTES) throw invalidJsonInput(`A JSON value may be at most ${JSON_MAX_BYTES / 1024} KiB`);
}

/** graphql-scalars' JSONObject with the limits above. */
export const LimitedJSONObject = new GraphQLScalarType({
  ...JSONObjectResolver.toConfig(),
  parseValue(value) {
    checkJson(value);
    return JSONObjectResolver.parseValue(value);
  },
  parseLiteral(ast: ValueNode, variables) {
    const value = JSONObjectResolver.parseLiteral(ast, variables);
    checkJson(value);
    return value;
  },
});

/** Refuses a request whose `variables` nest deeper than any operation needs, before anything walks them. */
export function useVariablesDepthLimit(): Plugin {
  return {
    onParams({ params, setResult }) {
      if (jsonDepth(params.variables, VARIABLES_MAX_DEPTH) > VARIABLES_MAX_DEPTH) {
        setResult({ errors: [invalidJsonInput(`The variables may be at most ${VARIABLES_MAX_DEPTH} levels deep (a JSON value at most ${JSON_MAX_DEPTH})`)] });
      }
    },
  };
}
