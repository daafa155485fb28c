/**
 * Applications and attributes for access control in `review` (who gains or loses an application,
 * what changed about it, the risk of opening it to every user) and in `explain` (who can open
 * which application), over examples/applications.yaml and edits of it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { loadResolved } from '../../src/pipeline';
import { explainModel, renderExplainCsv, renderExplainMarkdown, renderReviewMarkdown, reviewModels } from '../../src/review';
import type { ResolvedModel } from '../../src/model/ir';

const EXAMPLE = path.resolve(__dirname, '../../examples/applications.yaml');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-review-apps-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const base = loadResolved(EXAMPLE).ir;
let n = 0;
/** The example with `change` applied to its YAML document, resolved. */
function edited(change: (doc: ReturnType<typeof parseDocument>) => void): ResolvedModel {
  const doc = parseDocument(fs.readFileSync(EXAMPLE, 'utf8'));
  change(doc);
  const file = path.join(dir, `head${n++}.yaml`);
  fs.writeFileSync(file, doc.toString());
  return loadResolved(file).ir;
}

describe('review', () => {
  test('application assignments granted and revoked are listed by application and principal', () => {
    // GIVEN Grafana loses user carol and group PlatformAdmins, and a new application goes to Analysts
    const head = edited((d) => {
      d.setIn(['applications', 0, 'assignments'], d.createNode({ groups: ['Analysts'] }));
      (d.getIn(['applications']) as { add(v: unknown): void }).add(d.createNode({ name: 'Wiki', assignments: { groups: ['Analysts'] } }));
    });
    // WHEN
    const r = reviewModels(base, head);
    // THEN
    expect(r.applicationsGranted).toEqual([{ application: 'Wiki', principalType: 'GROUP', principalName: 'Analysts' }]);
    expect(r.applicationsRevoked).toEqual([
      { application: 'Grafana', principalType: 'GROUP', principalName: 'PlatformAdmins' },
      { application: 'Grafana', principalType: 'USER', principalName: 'carol@example.com' },
    ]);
    expect(r.applications.map((a) => [a.name, a.change])).toEqual([['Wiki', 'added']]);
    const md = renderReviewMarkdown(r);
    expect(md).toContain('1 application assignment granted, 2 revoked');
    expect(md).toContain('### Application access granted\n\n- group **Analysts** · application `Wiki`');
    expect(md).toContain(
      '### Application access revoked\n\n- group **PlatformAdmins** · application `Grafana`\n- user **carol\\@example\\.com** · application `Grafana`',
    );
    expect(r.units.map((u) => u.name)).toEqual(['management']);
  });

  test('an application that stops requiring assignments is a medium risk; one that is disabled is not', () => {
    const open = edited((d) => d.setIn(['applications', 0, 'assignmentRequired'], false));
    expect(reviewModels(base, open).risks).toEqual([
      {
        rule: 'application-assignment-not-required',
        severity: 'medium',
        message: 'application Grafana does not require an assignment: every user of the identity store can open it, not only the 3 assigned principals',
      },
    ]);
    const openButDisabled = edited((d) => {
      d.setIn(['applications', 0, 'assignmentRequired'], false);
      d.setIn(['applications', 0, 'status'], 'DISABLED');
    });
    const r = reviewModels(base, openButDisabled);
    expect(r.risks).toEqual([]);
    expect(r.applications[0].fields.map((f) => f.field).sort()).toEqual(['assignmentRequired', 'status']);
  });

  test('changed access scopes and attribute sources are reported', () => {
    const head = edited((d) => {
      d.setIn(['applications', 0, 'accessScopes', 0, 'scope'], 'redshift:read');
      d.setIn(['identityCenter', 'accessControlAttributes', 'department'], d.createNode(['${path:enterprise.division}']));
    });
    const md = renderReviewMarkdown(reviewModels(base, head));
    expect(md).toMatch(/access scopes.*redshift\\?:read/);
    expect(md).toContain('identityCenter\\.accessControlAttributes\\.department: `${path:enterprise.department}` → `${path:enterprise.division}`');
  });
});

describe('explain', () => {
  test('says who can open each application: assigned groups with their members, and users', () => {
    // GIVEN the example, whose groups are synced (members unknown to the model)
    const x = explainModel(base);
    expect(x.applications).toEqual([
      {
        name: 'Grafana',
        providerArn: 'arn:aws:sso::aws:applicationProvider/custom',
        status: 'ENABLED',
        assignmentRequired: true,
        groups: [
          { name: 'Analysts', external: true, members: [] },
          { name: 'PlatformAdmins', external: true, members: [] },
        ],
        users: ['carol@example.com'],
        accessScopes: ['redshift:connect'],
      },
    ]);
    expect(renderExplainMarkdown(x)).toContain(
      '| `Grafana` | group Analysts (members in the identity provider); group PlatformAdmins (members in the identity provider); user carol\\@example\\.com | redshift\\:connect |',
    );
  });

  test('a disabled application opens for nobody, one without required assignment for everyone', () => {
    const head = edited((d) => {
      const apps = d.getIn(['applications']) as { add(v: unknown): void };
      apps.add(d.createNode({ name: 'Open', assignmentRequired: false }));
      apps.add(d.createNode({ name: 'Off', status: 'DISABLED', assignments: { groups: ['Analysts'] } }));
    });
    const x = explainModel(head);
    const md = renderExplainMarkdown(x);
    expect(md).toContain('| `Off` | nobody: the application is disabled | - |');
    expect(md).toContain('| `Open` | every user of the identity store (no assignment required) | - |');
    const csv = renderExplainCsv(x).split('\n');
    expect(csv).toContain('ALL,*,application,Open,,open,no assignment required');
    expect(csv.filter((l) => l.includes(',application,Off,'))).toEqual([]);
    expect(csv).toContain('USER,carol@example.com,application,Grafana,,open,assigned; access scopes redshift:connect');
  });

  test('members of a created group are listed as users who can open the application', () => {
    const x = explainModel(loadResolved(path.resolve(__dirname, '../emit/fixtures/applications-split-identity.yaml')).ir);
    const csv = renderExplainCsv(x);
    for (const u of ['dana', 'eli', 'fay', 'gus']) expect(csv).toContain(`USER,${u},application,Wiki/Docs,,open,member of group Builders;`);
  });
});
