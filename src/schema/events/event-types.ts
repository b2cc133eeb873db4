// Query.eventTypes: the event catalogue (src/domain/events/catalogue.ts) as data, so clients label
// activity and offer webhook subscriptions from the service's own list. Public: it names kinds of
// events, never an event.
import { ALL_EVENT_TYPES, EVENT_TYPES, type EventType } from '../../domain/events/catalogue.js';
import { EVENT_LABELS } from '../../domain/events/labels.js';
import { builder } from '../builder.js';

const EventTypeInfo = builder.objectRef<EventType>('EventTypeInfo').implement({
  description: 'One type of event the service emits (webhooks subscribe by `type`).',
  fields: (t) => ({
    type: t.string({ description: 'e.g. user.signed_in', resolve: (type) => type }),
    label: t.string({ description: 'The type in words, e.g. "Signed in".', resolve: (type) => EVENT_LABELS[type] }),
    security: t.boolean({ description: 'Part of a user’s own security activity (me.securityEvents).', resolve: (type) => EVENT_TYPES[type].security }),
  }),
});

builder.queryField('eventTypes', (t) =>
  t.field({
    type: [EventTypeInfo],
    description: 'Every event type, in catalogue order (public).',
    resolve: () => ALL_EVENT_TYPES,
  }),
);
