// One user as the user's page loads it (typed by its query), shared by the page's sections.
import type { ConsoleUserQuery } from '../gql/graphql';

export type ConsoleUser = NonNullable<ConsoleUserQuery['admin']['user']>;
