// How the console names a user in lists, titles and dialogs: the email, else the username, else the phone.
export const userLabel = (u: { primaryEmail?: string | null; username?: string | null; primaryPhone?: string | null; id: string }) =>
  u.primaryEmail ?? u.username ?? u.primaryPhone ?? u.id;
