// Security activity, newest first, labelled from the service's event catalogue (Query.eventTypes).
import { request } from '../../shared/api';
import { describeAgent } from '../../shared/agent';
import { formatDate, h } from '../../shared/dom';
import { codeOf, errorSentence } from '../../shared/errors';
import { type Section, visible } from '../context';
import { graphql } from '../gql';

const SecurityEvents = graphql(`
  query SecurityEvents($after: String) {
    me { securityEvents(first: 20, after: $after) { edges { node { id type at ip userAgent } } pageInfo { hasNextPage endCursor } } }
  }
`);
export const EventTypes = graphql(`
  query EventTypes { eventTypes { type label } }
`);

let labels: Promise<Map<string, string>> | null = null;
/** Labels by type, asked once per page load. */
export const eventLabels = () => (labels ??= request(EventTypes).then((d) => new Map(d.eventTypes.map((e) => [e.type, e.label]))));

function render() {
  const list = h('ul', { class: 'rows', id: 'activity-list' });
  const more = h('div');
  const error = h('p', { class: 'error', role: 'alert' });
  const load = async (after: string | null) => {
    try {
      const [data, names] = await Promise.all([request(SecurityEvents, { after }), eventLabels()]);
      const page = data.me?.securityEvents;
      if (!page) return;
      for (const { node } of page.edges) {
        list.append(h('li', null, h('div', null, h('strong', null, names.get(node.type) ?? node.type),
          h('span', { class: 'meta' }, `${formatDate(node.at)} · ${node.ip ?? 'unknown address'} · ${describeAgent(node.userAgent)}`))));
      }
      if (!page.edges.length && !after) list.append(h('li', null, 'No activity yet.'));
      more.replaceChildren(page.pageInfo.hasNextPage
        ? h('button', { type: 'button', class: 'secondary', id: 'activity-more', onclick: () => load(page.pageInfo.endCursor ?? null) }, 'Show older activity')
        : '');
    } catch (err) {
      error.textContent = errorSentence({ code: codeOf(err) });
    }
  };
  void load(null);
  return [list, error, more];
}

export const activitySection: Section = { id: 'activity', title: 'Security activity', show: (c) => visible(c, 'securityActivity'), render };
