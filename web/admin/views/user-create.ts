// `Create user`: a folded form (Email, Username, Phone, Password, Name, Roles) sent with `Create`.
import { mutate } from '../../shared/api';
import { announce, h } from '../../shared/dom';
import { form } from '../../shared/form';
import type { AdminCtx } from '../context';
import { graphql } from '../gql';
import type { CreateUserInput } from '../gql/graphql';

const CreateUser = graphql(`
  mutation ConsoleCreateUser($input: CreateUserInput!) {
    admin { createUser(input: $input) { __typename ... on User { id } ... on PasswordRejectedError { rules } ... on Error { code message } } }
  }
`);

export const splitList = (text: string | undefined) => (text ?? '').split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

export function createUserForm(ctx: AdminCtx): HTMLElement {
  return h('details', { class: 'card', id: 'create-user' }, h('summary', { id: 'create-user-open' }, 'Create user'),
    form({
      id: 'create-user-form',
      fields: [
        { name: 'email', label: 'Email', type: 'email', autocomplete: 'off' },
        { name: 'username', label: 'Username' },
        { name: 'phone', label: 'Phone', type: 'tel', hint: 'International, e.g. +14155550100.' },
        { name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', hint: 'Optional: without one, the user signs in another way.' },
        { name: 'name', label: 'Name' },
        { name: 'roles', label: 'Roles', hint: 'Comma-separated, e.g. admin or admin:users:read.' },
      ],
      submit: 'Create',
      onSubmit: async (v) => {
        const input: CreateUserInput = {};
        if (v.email?.trim()) input.primaryEmail = v.email.trim();
        if (v.username?.trim()) input.username = v.username.trim();
        if (v.phone?.trim()) input.primaryPhone = v.phone.trim();
        if (v.password) input.password = v.password;
        if (v.name?.trim()) input.name = v.name.trim();
        const roles = splitList(v.roles);
        if (roles.length) input.roles = roles;
        if (!input.primaryEmail && !input.username && !input.primaryPhone) return { code: 'INVALID_INPUT', message: 'Give an email, a username or a phone' };
        const result = await mutate(CreateUser, { input }, (d) => d.admin.createUser);
        if (result.error) return result.error;
        ctx.go(`users/${encodeURIComponent(result.value.id)}`);
        announce('User created.');
      },
    }));
}
