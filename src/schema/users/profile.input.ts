import { builder } from '../builder.js';

const AddressInput = builder.inputType('AddressInput', {
  fields: (t) => ({
    formatted: t.string(),
    streetAddress: t.string(),
    locality: t.string(),
    region: t.string(),
    postalCode: t.string(),
    country: t.string(),
  }),
});

export const ProfileInput = builder.inputType('ProfileInput', {
  description: 'OIDC profile claims. Merged: a claim left out keeps its value; null clears it.',
  fields: (t) => ({
    givenName: t.string(),
    familyName: t.string(),
    middleName: t.string(),
    nickname: t.string(),
    preferredUsername: t.string(),
    website: t.string(),
    gender: t.string(),
    birthdate: t.string(),
    zoneinfo: t.string(),
    locale: t.string(),
    address: t.field({ type: AddressInput }),
  }),
});
