// Imports every type file for its side effects and builds the schema. Reads no env, opens no DB
// (codegen imports this file).
import { assertValidSchema } from 'graphql';
import { builder } from './builder.js';
import './errors.js';
import './root.js';
import './users/user.types.js';
import './users/me.queries.js';
import './users/security-events.js';
import './events/event-types.js';
import './auth/auth.mutations.js';
import './account-center/account-center.types.js';
import './password-policy/password-policy.types.js';
import './admin/users.queries.js';
import './admin/users.mutations.js';
import './admin/machine-clients.js';
import './admin/audit.js';
import './admin/webhooks.js';
import './admin/overview.js';
import './tokens/pat.types.js';
import './sessions/sessions.mutations.js';
import './me/verification.mutations.js';
import './me/profile.mutations.js';
import './me/identifiers.mutations.js';
import './me/password.mutations.js';
import './me/tokens.mutations.js';
import './me/account.mutations.js';
import './mfa/mfa.mutations.js';
import './mfa/admin-mfa.mutations.js';
import './auth/mfa-sign-in.mutations.js';
import './subscriptions.js';
import './passkeys/passkeys.mutations.js';
import './social/social.types.js';
import './social/social.mutations.js';
import './social/identity-providers.js';
import './lifecycle/lifecycle.types.js';
import './lifecycle/lifecycle.mutations.js';

export const schema = builder.toSchema({ sortSchema: false });
// Fail at start, not on the first request, when the schema is invalid.
assertValidSchema(schema);
