/**
 * The HCL and the CDKTF output of every bundled example plan the same infrastructure.
 *
 * Both are generated from one resolved model, copied into one directory and planned by a single
 * `terraform test` run with mocked AWS providers; every permission set, group, user, key and IAM
 * policy gets the same mocked identifier on both sides. Each plan is reduced to facts keyed by
 * model names (key policy as parsed JSON keyed by Sid, permission sets, every attachment, inline
 * policies, boundaries, identity store objects, assignment triples, IAM policies and role
 * attachments, the encryption step), and the facts of each HCL root must equal those of the
 * CDKTF stack for the same deployment unit. The HCL runs also carry the generated `assert`s.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ResolvedModel } from '../../src/model/ir';
import { unitApplications, unitPermissionSets, userUnit } from '../../src/model/ir-index';
import { loadResolved } from '../../src/pipeline';
import type { Facts } from '../emit/hcl/support/facts';
import { Mocks } from '../emit/hcl/support/mocks';
import { removeWorkDir } from '../emit/hcl/support/harness';
import { planBoth, type ModelPlans } from '../support/plan-both';
import { describeWithTerraform, terraformOk } from '../support/terraform';
import type { Json } from '../support/json';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = [
  ...fs
    .readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `examples/${f}`),
  ...fs
    .readdirSync(path.join(ROOT, 'examples'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(ROOT, 'examples', d.name, 'main.yaml')))
    .map((d) => `examples/${d.name}/main.yaml`),
].sort();

describeWithTerraform('HCL and CDKTF plan the same infrastructure', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-equivalence-'));
  let plans: Map<string, ModelPlans>;
  const irs = new Map<string, ResolvedModel>();
  const factsOf = (example: string, side: 'hcl' | 'cdktf', unit: string): Facts | undefined => plans.get(example)?.plans[side].get(unit)?.facts;

  beforeAll(async () => {
    for (const example of EXAMPLES) {
      // Relative, as on the command line, so generated markers hold no absolute path.
      irs.set(example, loadResolved(path.relative(process.cwd(), path.join(ROOT, example))).ir);
    }
    plans = await planBoth(dir, irs);
  }, 900_000); // one Terraform run plans every example: minutes on a loaded two-core machine

  afterAll(() => removeWorkDir(dir));

  test('the generated HCL of every example is formatted exactly as terraform fmt would', () => {
    for (const example of EXAMPLES) {
      terraformOk(path.join(dir, example.replace(/\W/g, '_'), 'hcl'), ['fmt', '-check', '-recursive', '-diff']);
    }
  });

  describe.each(EXAMPLES)('%s', (example) => {
    test('every HCL root and CDKTF stack was planned, the HCL roots with their assertions passing', () => {
      const units = irs.get(example)!.units.map((u) => u.name);
      expect(units.length).toBeGreaterThan(0);
      for (const unit of units) {
        expect(factsOf(example, 'hcl', unit)).toBeDefined();
        expect(factsOf(example, 'cdktf', unit)).toBeDefined();
      }
    });

    test('the compared facts cover the model: every key policy Sid, permission set, IAM policy and assignment', () => {
      const ir = irs.get(example)!;
      for (const unit of ir.units) {
        const f = factsOf(example, 'cdktf', unit.name) as Record<string, Record<string, Json>>;
        if (unit.kind === 'management') {
          for (const key of ir.keys) {
            expect(Object.keys(f.key_policies[`key ${key.name}`].Statement).sort()).toEqual(key.keyPolicy.Statement.map((s) => s.Sid).sort());
          }
        }
        // Permission sets live in the management unit unless the model moved them to units of their own.
        if (unit.kind === 'management' || unit.kind === 'permission-sets') {
          expect(Object.keys(f.permission_sets ?? {}).sort()).toEqual(
            unitPermissionSets(ir, unit)
              .map((p) => p.name)
              .sort(),
          );
        }
        if (unit.kind === 'member') {
          expect(Object.keys(f.iam_policies).length).toBe(unit.keyIdentityPolicies.length + unit.customerManagedPolicies.length);
        }
        if (unit.kind === 'assignments') {
          expect(Object.keys(f.assignments).length).toBe(unit.assignmentKeys.length);
        }
        // Applications live in the management unit unless the model moved them to units of their own.
        if (unit.kind === 'management' || unit.kind === 'applications') {
          const apps = unitApplications(ir, unit);
          expect(Object.keys(f.applications ?? {}).sort()).toEqual(apps.map((a) => a.name).sort());
          expect(Object.keys(f.application_assignments ?? {}).sort()).toEqual(
            apps
              .flatMap((a) =>
                a.assignments.map((p) => `application ${a.name} ${p.principalType} ${p.principalType === 'GROUP' ? 'group' : 'user'} ${p.principalName}`),
              )
              .sort(),
          );
          expect(Object.keys(f.application_access_scopes ?? {}).sort()).toEqual(
            apps.flatMap((a) => a.accessScopes.map((s) => `application ${a.name} ${s.scope}`)).sort(),
          );
        }
        if (unit.kind === 'management') {
          // Attribute sources are AWS's references, planned exactly as the model writes them (escaped on the way in).
          const attrs = ir.identityCenter.accessControlAttributes ?? [];
          expect(f.access_control_attributes ?? {}).toEqual(
            attrs.length > 0 ? { [new Mocks(ir).instanceArn]: Object.fromEntries(attrs.map((a) => [a.key, [[...a.sources].sort()]])) } : {},
          );
        }
      }
      const planned = ir.units.flatMap((u) => Object.keys((factsOf(example, 'cdktf', u.name) as Record<string, object>).permission_sets ?? {}));
      // External permission sets (owned by another tool) are only looked up: no unit plans them.
      expect(planned.sort()).toEqual(
        ir.permissionSets
          .filter((p) => p.external !== true)
          .map((p) => p.name)
          .sort(),
      );
    });

    test('every user idcgen creates is planned with the attributes the model gives it', () => {
      const ir = irs.get(example)!;
      const contact = (c: { value: string; type?: string; primary: boolean }) => [c.value, c.type ?? null, c.primary];
      for (const u of ir.users.filter((x) => !x.external)) {
        const f = factsOf(example, 'cdktf', userUnit(ir, u.userName) as string) as Record<string, Record<string, Json>>;
        const planned = f.users[u.userName];
        const name = planned.name[0];
        expect({
          user: u.userName,
          display: planned.display_name,
          names: [name.given_name, name.family_name, name.middle_name ?? null, name.formatted ?? null],
          texts: [planned.title, planned.locale, planned.timezone, planned.user_type, planned.preferred_language, planned.nickname, planned.profile_url],
          emails: planned.emails.map(contact),
          phones: planned.phone_numbers.map(contact),
          addresses: planned.addresses.map((a: Record<string, unknown>) => [
            a.street_address ?? null,
            a.locality ?? null,
            a.postal_code ?? null,
            a.country ?? null,
            a.type ?? null,
            a.primary,
          ]),
        }).toEqual({
          user: u.userName,
          display: u.displayName,
          names: [u.givenName, u.familyName, u.middleName ?? null, u.formattedName ?? null],
          texts: [u.title, u.locale, u.timezone, u.userType, u.preferredLanguage, u.nickname, u.profileUrl].map((v) => v ?? null),
          emails: u.emails.map(contact),
          phones: u.phoneNumbers.map(contact),
          addresses: u.addresses.map((a) => [a.streetAddress ?? null, a.locality ?? null, a.postalCode ?? null, a.country ?? null, a.type ?? null, a.primary]),
        });
      }
    });

    test('each deployment unit plans the same key policies, permission sets, attachments and assignments in HCL and CDKTF', () => {
      for (const unit of irs.get(example)!.units) {
        const hcl = factsOf(example, 'hcl', unit.name);
        const cdktf = factsOf(example, 'cdktf', unit.name);
        expect({ unit: unit.name, facts: hcl }).toEqual({ unit: unit.name, facts: cdktf });
      }
    });
  });
});
