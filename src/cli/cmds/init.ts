/** `idcgen init [--out org.yaml]`: write a commented starter model that validates as is. */
import type { Argv, CommandModule } from 'yargs';
import { EXAMPLE_ARNS } from '../../model';
import { writeNewFile } from '../../write';

/** The starter model; a test checks that it validates. */
export const STARTER_MODEL = `# idcgen organization model: one file describes IAM Identity Center and its customer managed key.
# Check it:     idcgen validate org.yaml
# Generate:     idcgen generate org.yaml --out out
# Completion in editors: run \`idcgen schema > org-model.schema.json\` next to this file.
# yaml-language-server: $schema=./org-model.schema.json
version: 1

organization:
  id: o-a1b2c3d4e5               # AWS Organizations id: aws organizations describe-organization
  managementAccount: management  # an account below; it holds Identity Center and the key

identityCenter:
  region: eu-west-1              # the Region Identity Center is enabled in
  # Looked up when absent (aws sso-admin list-instances):
  # instanceArn: ${EXAMPLE_ARNS.instance}
  # identityStoreId: d-1111222233
  encryption:
    key: identity-center         # a key below; remove encryption: to keep the AWS owned key

# name: your handle for the account (it names stacks and files); id: 12 digits, quoted.
accounts:
  - { name: management, id: "111111111111", ou: Root }
  - { name: workload, id: "222222222222", ou: Workloads, tags: { env: prod } }

# Created in the identity store; external: true means synced from your identity provider (SCIM).
groups:
  - { name: PlatformAdmins, description: Administers Identity Center }

permissionSets:
  - name: IdentityCenterAdmin
    description: Administers Identity Center
    sessionDuration: PT4H        # PT1H..PT12H; default PT1H
    managedPolicies: [${EXAMPLE_ARNS.ssoMasterAccountAdministrator}]
  - name: ReadOnly
    managedPolicies: [${EXAMPLE_ARNS.readOnlyAccess}]

# A group or a user, a permission set, and accounts by name, OU path (with everything below) or tags.
assignments:
  - { group: PlatformAdmins, permissionSet: IdentityCenterAdmin, accounts: [management] }
  - { group: PlatformAdmins, permissionSet: ReadOnly, ous: [Workloads] }

keys:
  - name: identity-center
    alias: alias/identity-center
    multiRegion: true            # AWS recommends a multi-Region key for Identity Center
    rotation: { enabled: true, periodDays: 365 }
    deletionWindowDays: 30
    administrators: [{ permissionSet: IdentityCenterAdmin, account: management }]
    policyProfile: baseline      # baseline: AWS's consolidated key policy; least-privilege: per use case
    useCases:
      - identity-center-admins: { principals: [{ permissionSet: IdentityCenterAdmin, account: management }] }
      - restrict-to-instance: {} # only this instance's encryption context may use the key
`;

interface Args {
  out: string;
}

export const initCommand: CommandModule<object, Args> = {
  command: 'init',
  describe: 'Write a commented starter model (never overwrites a file)',
  builder: (y: Argv) =>
    y
      .option('out', { type: 'string', default: 'org.yaml', describe: 'file to create' })
      .example('$0 init', 'create org.yaml here')
      .example('$0 init --out models/org.yaml', 'create it elsewhere') as unknown as Argv<Args>,
  handler: (args) => {
    writeNewFile(args.out, STARTER_MODEL);
    process.stdout.write(`wrote ${args.out}; edit it, then run: idcgen validate ${args.out}\n`);
  },
};
