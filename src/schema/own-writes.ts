// Read your own writes without the change feed's echo. A mutation normally answers only once the
// invalidations its commits caused came back through the feed (app.ts), so the caller's next
// request on this instance cannot meet a stale cache entry. A mutation field whose service tells
// this instance's cache what it changed at commit (Deps.ownWrites) is marked `settled`: when every
// write an operation selects is such a field, the wait is unneeded. Anything unmarked waits.
import { type DocumentNode, type GraphQLSchema, getNamedType, TypeInfo, visit, visitWithTypeInfo } from 'graphql';

/** Field `extensions`: the field's writes reach this instance's cache at commit. */
export const SETTLES_OWN_WRITES = { ownWrites: 'settled' } as const;
/** Field `extensions`: a namespace (`me`, `admin`): no write itself, its fields are the writes. */
export const WRITE_NAMESPACE = { ownWrites: 'namespace' } as const;

const known = new WeakMap<DocumentNode, boolean>();

/** True when every write field the document selects is `settled` (an unmarked field anywhere: false). */
export function settlesOwnWrites(schema: GraphQLSchema, document: DocumentNode): boolean {
  const cached = known.get(document);
  if (cached !== undefined) return cached;
  const mutation = schema.getMutationType();
  const writeTypes = new Set<string>(mutation ? [mutation.name] : []);
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    if (field.extensions.ownWrites === WRITE_NAMESPACE.ownWrites) writeTypes.add(getNamedType(field.type).name);
  }
  let settled = true;
  const typeInfo = new TypeInfo(schema);
  visit(document, visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      if (!parent || !writeTypes.has(parent.name) || node.name.value === '__typename') return;
      const mark = typeInfo.getFieldDef()?.extensions.ownWrites;
      if (mark !== SETTLES_OWN_WRITES.ownWrites && mark !== WRITE_NAMESPACE.ownWrites) settled = false;
    },
  }));
  known.set(document, settled);
  return settled;
}
