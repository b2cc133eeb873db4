// GraphQL Code Generator: writes the committed SDL (schema.graphql) from the Pothos schema, and
// typed documents for the operations the tests write with `graphql(...)`.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: './src/schema/index.ts',
  documents: ['test/documents/**/*.graphql'],
  ignoreNoDocuments: true,
  generates: {
    './schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: false, commentDescriptions: false },
    },
    './test/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, emitLegacyCommonJSImports: false, scalars: { DateTime: 'string', JSON: 'Record<string, unknown>' } },
    },
  },
};

export default config;
