// GraphQL-over-HTTP: a request whose parameters cannot be parsed is a client error (400). Yoga
// turns a malformed JSON body into 400 itself, but JSON.parse of `variables` / `extensions` from a
// GET query string or a form-encoded POST throws a bare SyntaxError that it answers with 500.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function useMalformedParamsAreBadRequests(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (err) {
          if (!(err instanceof SyntaxError)) throw err;
          throw new GraphQLError('The "variables" and "extensions" parameters must be JSON objects', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      });
    },
  };
}
