/**
 * `hcl/README.md`: how to apply the generated roots — the waves and what each unit depends on (from
 * units.json's data), the credentials each root needs, and where the encryption switch comes in.
 */
import type { ResolvedModel } from '../../model';
import { code, table } from '../../review';
import { encryptionStep } from '../encryption-step';
import { PLAN_VARIABLE } from '../terraform-settings';
import { generatedMarker } from './markdown';
import { unitsFile, type UnitEntry } from './units';

export function renderHclReadme(ir: ResolvedModel): string {
  const file = unitsFile(ir);
  const mgmt = ir.organization;
  const lines: string[] = [
    `<!-- ${generatedMarker(ir)} -->`,
    '# Applying the generated Terraform',
    '',
    `${file.units.length} Terraform roots, one per deployment unit, in ${file.waves.length} waves. Apply the waves in order;`,
    'the roots of one wave do not depend on each other and can be applied in parallel. The same order',
    'is in `units.json` (for scripts and CI: each unit with its wave, dependencies, roles and state),',
    "in `atlantis.yaml` (Atlantis projects), and in the CDKTF stack dependencies (`cdktf deploy '*'`).",
    '',
    '```sh',
    'cd <unit> && terraform init && terraform apply     # for each unit, wave by wave',
    '```',
    '',
    ...waveSections(file.waves, new Map(file.units.map((u) => [u.name, u]))),
    '## Credentials',
    '',
    `Every root runs with credentials in the management account ${code(`${mgmt.managementAccountName} (${mgmt.managementAccountId})`)}:`,
    'each provider pins `allowed_account_ids`, so credentials for another account fail before any change.',
    `${code(`idcgen permissions ${shellArg(ir.source)}`)} prints the IAM policies each root needs.`,
    '',
    ...credentialLines(ir, file.units),
    '## Switching Identity Center to the key',
    '',
    ...encryptionLines(ir),
  ];
  return `${lines.join('\n')}\n`;
}

/** A shell word: as is when plain, else single-quoted. */
function shellArg(s: string): string {
  return /^[A-Za-z0-9._/@+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function waveSections(waves: readonly (readonly string[])[], units: ReadonlyMap<string, UnitEntry>): string[] {
  const out: string[] = [];
  waves.forEach((names, i) => {
    out.push(`## Wave ${i + 1}`, '');
    const rows = names.map((n) => {
      const u = units.get(n) as UnitEntry;
      return [code(u.dir), u.kind, code(`${u.account.name} (${u.account.id})`), u.dependsOn.length === 0 ? '—' : u.dependsOn.map(code).join(', ')];
    });
    out.push(...table(['root', 'kind', 'account', 'depends on'], rows), '');
  });
  return out;
}

function credentialLines(ir: ResolvedModel, units: readonly UnitEntry[]): string[] {
  const members = units.filter((u) => u.runsAs.assumeRoleArn !== null);
  const admin = ir.identityCenter.delegatedAdmin;
  const out = admin
    ? [
        '- `management` and `assignments-management` act in the management account with those credentials',
        '  directly: the key, and the permission sets provisioned into the management account and their',
        '  assignments, which only the management account can manage.',
        `- The \`permission-sets*\`, \`users*\`, \`groups*\`, \`applications*\` and other \`assignments*\` roots run in the delegated`,
        `  administrator account ${code(`${admin.accountName} (${admin.accountId})`)} (\`identityCenter.delegatedAdmin\`), assuming`,
        `  ${code(ir.deployment.roleName)} there.`,
      ]
    : [
        '- `management` and the `permission-sets*`, `users*`, `groups*`, `applications*` and `assignments*` roots act in the',
        '  management account with those credentials directly.',
      ];
  if (members.length > 0) {
    out.push(
      `- \`account-*\` roots assume ${code(ir.deployment.roleName)} in their account (\`deployment.roleName\`), and read the`,
      '  key from the management account with the credentials themselves.',
    );
    if (ir.deployment.planRoleName !== undefined && ir.deployment.planRoleName !== ir.deployment.roleName) {
      out.push(
        `- Plans can use the read-only ${code(ir.deployment.planRoleName)} instead (\`deployment.planRoleName\`):`,
        `  \`TF_VAR_${PLAN_VARIABLE}=true terraform plan\`. Apply without it (a saved plan keeps the role it was made with).`,
      );
    }
  }
  const backend = ir.deployment.backend;
  if (backend.type === 's3') {
    out.push(
      `- State: S3 bucket ${code(backend.bucket)} in ${code(backend.region)}, one key per root (\`units.json\` lists them), locked with a`,
      `  lock file beside the state (\`use_lockfile\`, Terraform >= 1.10)${backend.roleArn ? `, read and written through ${code(backend.roleArn)}` : ''}.`,
    );
  } else {
    out.push(
      '- State: a local `terraform.tfstate` in each root. Fine for a trial; for a team set `deployment.backend`',
      '  to an S3 bucket so state is shared and locked.',
    );
  }
  out.push('');
  return out;
}

function encryptionLines(ir: ResolvedModel): string[] {
  const key = ir.identityCenter.encryptionKey;
  if (key === undefined) {
    return ['Identity Center uses an AWS owned key (the model names no `identityCenter.encryption.key`).'];
  }
  if (encryptionStep(ir)) {
    return [
      `The \`management\` root switches Identity Center to the key ${code(key)} itself (\`identityCenter.encryption.manage: true\`):`,
      'its `terraform_data.identity_center_encryption` runs `idcgen encryption enable` once the key policy and',
      'every replica exist. `idcgen` must be on the `PATH` of whoever runs `terraform apply` in wave 1, e.g.',
      '`PATH="$(npm root)/.bin:$PATH" terraform apply` in the repository that installs idcgen.',
    ];
  }
  return [
    `After wave 1 (the key ${code(key)} and its policy exist), switch Identity Center to the key once:`,
    '',
    '```sh',
    `npx --no-install idcgen encryption enable ${shellArg(ir.source)}`,
    '```',
    '',
    'It checks the live key and key policy first and changes nothing if a check fails.',
  ];
}
