// GraphQL Code Generator: writes the committed SDL (schema.graphql) from the Pothos schema, typed
// documents for the operations the tests write with `graphql(...)`, and the same for the web apps
// (web/): each app's folder gets its own `graphql()` so one app's bundle never carries the other's
// documents. A document that does not validate against the schema fails `npm run codegen`; a
// schema change that breaks a page's use of a result fails `npm run typecheck`.
import type { CodegenConfig } from '@graphql-codegen/cli';

const scalars = { DateTime: 'string', JSON: 'Record<string, unknown>' };
// Strings, not parsed ASTs: the browser sends the text anyway, and the bundles stay small.
const web = (dir: string) => ({
  preset: 'client' as const,
  documents: [`web/${dir}/**/*.ts`, `!web/${dir}/gql/**`],
  presetConfig: { fragmentMasking: false },
  config: { useTypeImports: true, documentMode: 'string', enumsAsTypes: true, skipTypename: false, scalars },
});

const config: CodegenConfig = {
  schema: './src/schema/index.ts',
  ignoreNoDocuments: true,
  generates: {
    './schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: false, commentDescriptions: false },
    },
    './test/generated/': {
      preset: 'client',
      documents: ['test/documents/**/*.graphql'],
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, emitLegacyCommonJSImports: false, scalars },
    },
    './web/shared/gql/': web('shared'),
    './web/account/gql/': web('account'),
    './web/admin/gql/': web('admin'),
  },
};

export default config;
