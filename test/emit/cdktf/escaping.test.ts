/**
 * Terraform reads every string of `cdk.tf.json` as a template, so model text must reach it escaped
 * (`${` → `$${`, `%{` → `%%{`), or it runs: a group description `pwn ${file("…")}` planned as the
 * file's content, and `Cloud team — owns ${everything}` made the management stack fail `terraform
 * validate` (issue 14 section 1). Shown here with Terraform itself on the generated stacks; the
 * property test (test/property/injection.property.test.ts) covers every free-text field.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { synthCdktf } from '../../../src/emit/cdktf';
import { loadResolved } from '../../../src/pipeline';
import { removeWorkDir } from '../hcl/support/harness';
import { planBoth, type ModelPlans } from '../../support/plan-both';
import { describeWithTerraform, terraform, terraformOk } from '../../support/terraform';

/** A small valid model whose groups carry `descriptions`, written into `dir`. */
function modelWith(dir: string, descriptions: readonly string[]): string {
  const model = {
    version: 1,
    organization: { id: 'o-a1b2c3d4e5', managementAccount: 'management' },
    identityCenter: { region: 'eu-west-1', instanceArn: 'arn:aws:sso:::instance/ssoins-1111222233334444', identityStoreId: 'd-1111222233' },
    accounts: [{ name: 'management', id: '111111111111', ou: 'Root' }],
    groups: descriptions.map((description, i) => ({ name: `Team${i}`, description })),
    permissionSets: [{ name: 'ReadOnly', managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }],
    assignments: [{ group: 'Team0', permissionSet: 'ReadOnly', accounts: ['management'] }],
  };
  const file = path.join(dir, 'org.yaml');
  fs.writeFileSync(file, stringify(model));
  return file;
}

describeWithTerraform('model text in cdk.tf.json under Terraform', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-cdktf-escaping-'));
  afterAll(() => removeWorkDir(dir));

  test('a description with ${…} that names nothing does not break terraform validate', () => {
    // GIVEN a group description that reads like an interpolation of an undeclared name
    const { ir } = loadResolved(modelWith(fs.mkdtempSync(path.join(dir, 'validate-')), ['Cloud team — owns ${everything}']));
    const stackDir = path.join(dir, 'validate-stack');
    fs.mkdirSync(stackDir);
    fs.writeFileSync(path.join(stackDir, 'cdk.tf.json'), synthCdktf(ir).get('cdktf/stacks/management/cdk.tf.json') as string);
    // WHEN Terraform validates the management stack THEN it is valid
    terraformOk(stackDir, ['init', '-backend=false', '-input=false']);
    const res = terraform(stackDir, ['validate', '-no-color']);
    expect(res.stderr + res.stdout).toContain('The configuration is valid');
  });

  test('a description that calls file() is planned as written, not as the file', async () => {
    // GIVEN a local file and a group description asking Terraform to read it
    const secret = path.join(dir, 'secret.txt');
    fs.writeFileSync(secret, 'the secret content');
    const description = `pwn \${file("${secret}")} and %{ if true }directive%{ endif }`;
    const { ir } = loadResolved(modelWith(fs.mkdtempSync(path.join(dir, 'plan-')), [description]));
    // WHEN both emitters' output is planned
    const plans = (await planBoth(path.join(dir, 'plan'), new Map([['file', ir]]))).get('file') as ModelPlans;
    // THEN the planned description is the model's text in both, and the file was not read
    for (const side of ['hcl', 'cdktf'] as const) {
      const groups = (plans.plans[side].get('management')?.resources ?? []).filter((r) => r.type === 'aws_identitystore_group');
      expect({ side, descriptions: groups.map((g) => g.after.description) }).toEqual({ side, descriptions: [description] });
    }
  }, 900_000);
});
