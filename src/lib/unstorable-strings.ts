// One check at the GraphQL boundary for strings no service can store or compare: U+0000
// (PostgreSQL text refuses it: "invalid byte sequence for encoding UTF8: 0x00") and unpaired UTF-16
// surrogates (not Unicode text; they cannot round-trip through UTF-8). Every string a request
// carries, in its variables (keys included, so JSON inputs are covered) or as a literal in the
// document, is checked before any resolver runs, so no operation has to remember it and sign-in
// answers before looking anything up (nothing about accounts is revealed).
import { GraphQLError, Kind, type DocumentNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isStorableString = (value: string): boolean => !UNSTORABLE.test(value);

const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/**
 * Text from outside (a webhook receiver's answer, a network error) made safe to store: NUL
 * removed, unpaired surrogates replaced by U+FFFD (bytes that were not UTF-8 already are, when
 * decoded), then cut to `maxBytes` of UTF-8 without splitting a character.
 */
export function toStorableText(value: string, maxBytes: number): string {
  const clean = value.replace(UNSTORABLE_ALL, (match) => (match === '\u0000' ? '' : '\ufffd'));
  if (Buffer.byteLength(clean) <= maxBytes) return clean;
  let bytes = 0;
  let end = 0;
  for (const char of clean) {
    const size = Buffer.byteLength(char);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return clean.slice(0, end);
}

/** The path of the first unstorable string in a variables value, or undefined. */
function findInValue(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return isStorableString(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findInValue(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableString(key)) return `a key in ${path}`;
      const found = findInValue(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

// Yoga's parse cache hands out one DocumentNode per distinct query text, so a document's literals
// are scanned once, not on every request (null: nothing found).
const scannedDocuments = new WeakMap<DocumentNode, string | null>();

function findInDocument(document: DocumentNode): string | undefined {
  let verdict = scannedDocuments.get(document);
  if (verdict === undefined) {
    verdict = scanDocument(document) ?? null;
    scannedDocuments.set(document, verdict);
  }
  return verdict ?? undefined;
}

function scanDocument(document: DocumentNode): string | undefined {
  let found: string | undefined;
  visit(document, {
    [Kind.STRING](node) {
      if (!found && !isStorableString(node.value)) found = `the literal at line ${node.loc?.startToken.line ?? '?'}, column ${node.loc?.startToken.column ?? '?'}`;
    },
  });
  return found;
}

export function unstorableStringError(where: string): GraphQLError {
  return new GraphQLError(`A string argument (${where}) contains a NUL character or an unpaired surrogate`, {
    extensions: { code: 'INVALID_INPUT' },
  });
}

export function useRejectUnstorableStrings(): Plugin {
  const check = (document: DocumentNode, variables: Record<string, unknown> | null | undefined): GraphQLError | undefined => {
    // for…in: no entries array per request (a JSON-parsed object has no inherited keys to skip).
    for (const name in variables ?? {}) {
      if (!Object.hasOwn(variables!, name)) continue;
      const value = variables![name];
      const where = isStorableString(name) ? findInValue(value, `$${name}`) : 'a variable name';
      if (where) return unstorableStringError(where);
    }
    const where = findInDocument(document);
    return where ? unstorableStringError(where) : undefined;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = check(args.document, args.variableValues);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = check(args.document, args.variableValues);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
