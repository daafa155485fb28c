/**
 * ARNs have one source (src/model/arns.ts): builders take the partition, and no other source file
 * spells an ARN out. The second half is checked on the code itself: every string, template and
 * regular expression literal in src/ (comments are documentation and are not read) is looked at,
 * and only arns.ts may hold one that starts an ARN.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { listFiles } from '../../src/emit/hcl/private/assets';
import {
  accountPrincipalArnPattern,
  accountRootArn,
  arnPartition,
  identityStoreArn,
  inPartition,
  instanceArn,
  keyArn,
  keyArnAllRegions,
  managedPolicyArn,
  managedPolicyName,
  parsePermissionSetRoleArn,
  partitionOf,
  permissionSetRoleArnPattern,
  roleArn,
} from '../../src/model/arns';

const SRC = path.resolve(__dirname, '../../src');
const OWNER = 'model/arns.ts';

/** Literal texts of a TypeScript file that start an ARN (`arn:` not preceded by a letter). */
function arnLiterals(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteralLike(node) ||
      ts.isRegularExpressionLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      if (/(^|[^A-Za-z])arn:/.test(node.text)) found.push(node.getText(source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('no source file but model/arns.ts writes or parses an ARN', () => {
  const offenders = listFiles(SRC, (f) => f.endsWith('.ts'))
    .filter((rel) => rel.split(path.sep).join('/') !== OWNER)
    .flatMap((rel) => arnLiterals(path.join(SRC, rel)).map((lit) => `${rel}: ${lit}`));
  expect(offenders).toEqual([]);
});

test('the scan finds the ARNs in arns.ts itself (it would find them anywhere else)', () => {
  expect(arnLiterals(path.join(SRC, OWNER)).length).toBeGreaterThan(10);
});

describe.each([
  ['eu-west-1', 'aws'],
  ['us-gov-west-1', 'aws-us-gov'],
  ['cn-northwest-1', 'aws-cn'],
])('builders in %s', (region, partition) => {
  const p = partitionOf(region);
  test(`the partition is ${partition}, and every builder writes it`, () => {
    expect(p).toBe(partition);
    const built = [
      accountRootArn('111111111111', p),
      accountPrincipalArnPattern('111111111111', p),
      roleArn('111111111111', 'Pipeline', p, '/ci/'),
      permissionSetRoleArnPattern('111111111111', region, 'Admin', p),
      identityStoreArn('111111111111', 'd-1111222233', p),
      instanceArn('ssoins-1111222233334444', p),
      keyArn(region, '111111111111', 'mrk-0', p),
      keyArnAllRegions('111111111111', 'mrk-0', p),
      managedPolicyArn('ReadOnlyAccess', p),
    ];
    expect(built.map(arnPartition)).toEqual(built.map(() => partition));
  });

  test('parsers read what the builders write', () => {
    expect(parsePermissionSetRoleArn(permissionSetRoleArnPattern('111111111111', region, 'Admin', p))).toEqual({
      accountId: '111111111111',
      permissionSet: 'Admin',
      suffix: '?'.repeat(16),
      pattern: true,
    });
    expect(managedPolicyName(managedPolicyArn('AdministratorAccess', p))).toBe('AdministratorAccess');
    expect(inPartition(managedPolicyArn('ReadOnlyAccess', 'aws'), p)).toBe(managedPolicyArn('ReadOnlyAccess', p));
  });
});

test('a string that is not an ARN, or an ARN with a wildcard partition, has no partition', () => {
  expect([arnPartition('arn:*:sso:::instance/*'), arnPartition('learn:aws:x'), arnPartition('sso.amazonaws.com')]).toEqual([undefined, undefined, undefined]);
});
