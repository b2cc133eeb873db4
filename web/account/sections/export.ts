// Everything the service holds about the account, downloaded as one JSON file.
import { request } from '../../shared/api';
import { announce, h } from '../../shared/dom';
import { actionButton } from '../../shared/form';
import type { AccountCtx, Section } from '../context';
import { graphql } from '../gql';

const ExportData = graphql(`
  query ExportData { me { exportData } }
`);

function render(ctx: AccountCtx) {
  return [
    h('p', null, 'Download everything this service holds about you, as a JSON file.'),
    actionButton('export-download', 'Download my data', async () => {
      const data = (await request(ExportData)).me?.exportData;
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const a = h('a', { href: URL.createObjectURL(blob), download: `account-${ctx.me.id}.json` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      announce('Your data was downloaded.');
    }),
  ];
}

// An impersonating admin is not the account holder: the API refuses the export to them.
export const exportSection: Section = { id: 'export', title: 'Your data', show: (c) => !c.impersonating, render };
