/** The typed policy model: insert rules, the serialiser, validators. */
import { PolicyStatement } from '../../src/policy/statement';
import { PolicyDocument, policyBytes, policyNonWhitespaceChars } from '../../src/policy/document';

describe('PolicyStatement', () => {
  test('deduplicates on insert and keeps first-insertion order', () => {
    const s = new PolicyStatement({ sid: 'S' })
      .addActions('kms:Encrypt', 'kms:Decrypt', 'kms:Encrypt')
      .addResources('*', '*')
      .addAwsPrincipals({ ref: 'key-arn', key: 'a' }, 'arn:aws:iam::1:root', { ref: 'key-arn', key: 'a' })
      .addCondition('StringLike', 'kms:ViaService', ['b', 'a'])
      .addCondition('StringLike', 'kms:ViaService', 'b');
    expect(s.toJSON()).toEqual({
      Sid: 'S',
      Effect: 'Allow',
      Principal: { AWS: [{ ref: 'key-arn', key: 'a' }, 'arn:aws:iam::1:root'] },
      Action: ['kms:Encrypt', 'kms:Decrypt'],
      Resource: '*',
      Condition: { StringLike: { 'kms:ViaService': ['b', 'a'] } },
    });
  });

  test('a ref and a string with the same text are different values', () => {
    const s = new PolicyStatement().addResources('key-arn', { ref: 'key-arn' });
    expect(s.toJSON().Resource).toEqual(['key-arn', { ref: 'key-arn' }]);
  });

  test('fails if Action and NotAction are mixed, either way round', () => {
    expect(() => new PolicyStatement().addActions('kms:Decrypt').addNotActions('kms:Encrypt')).toThrow(/cannot mix NotAction with Action/);
    expect(() => new PolicyStatement().addNotActions('kms:Encrypt').addActions('kms:Decrypt')).toThrow(/cannot mix Action with NotAction/);
  });

  test('fails if "*" is mixed with named principals', () => {
    expect(() => new PolicyStatement().addAnyPrincipal().addAwsPrincipals('arn:aws:iam::1:root')).toThrow(/cannot mix "\*"/);
    expect(() => new PolicyStatement().addServicePrincipals('sso.amazonaws.com').addAnyPrincipal()).toThrow(/cannot mix "\*"/);
  });

  test('fails if a frozen statement is changed', () => {
    const s = new PolicyStatement({ sid: 'S', actions: ['kms:Decrypt'] }).freeze();
    expect(() => s.addActions('kms:Encrypt')).toThrow(/'S' is frozen/);
    expect(() => s.addCondition('Bool', 'aws:SecureTransport', 'true')).toThrow(/'S' is frozen/);
  });

  test('fromJson and toJSON round-trip', () => {
    const json = {
      Sid: 'A',
      Effect: 'Deny' as const,
      Principal: { AWS: 'arn:aws:iam::1:root', Service: ['sso.amazonaws.com', 'identitystore.amazonaws.com'] },
      NotAction: 'kms:Decrypt',
      Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    };
    expect(PolicyStatement.fromJson(json).toJSON()).toEqual(json);
  });

  test('validators: a key policy statement needs a Principal; an identity statement must not have one and needs a Resource', () => {
    const noPrincipal = new PolicyStatement({ sid: 'A', actions: ['kms:Decrypt'], resources: ['*'] });
    expect(noPrincipal.validateForResourcePolicy()).toEqual(["statement 'A' in a key policy needs a Principal"]);
    expect(noPrincipal.validateForIdentityPolicy()).toEqual([]);
    const withPrincipal = new PolicyStatement({ actions: ['kms:Decrypt'], anyPrincipal: true });
    expect(withPrincipal.validateForIdentityPolicy()).toEqual([
      'statement (no sid) in an identity policy cannot have a Principal',
      'statement (no sid) in an identity policy needs a Resource',
    ]);
    expect(new PolicyStatement({ sid: 'E', anyPrincipal: true }).validateForResourcePolicy()).toEqual(["statement 'E' has no Action"]);
  });
});

describe('PolicyDocument', () => {
  test('skips a statement identical to one already present, and freezes its statements', () => {
    const a = () => new PolicyStatement({ sid: 'A', actions: ['kms:Decrypt'], anyPrincipal: true, resources: ['*'] });
    const doc = new PolicyDocument({ statements: [a(), a()] }).freeze();
    expect(doc.statementCount).toBe(1);
    expect(() => doc.addStatements(a())).toThrow(/frozen/);
    expect(doc.toJSON()).toEqual({ Version: '2012-10-17', Statement: [{ Sid: 'A', Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }] });
  });

  test('validators report duplicate Sids', () => {
    const doc = new PolicyDocument({
      statements: [
        new PolicyStatement({ sid: 'A', actions: ['kms:Decrypt'], resources: ['*'] }),
        new PolicyStatement({ sid: 'A', actions: ['kms:Encrypt'], resources: ['*'] }),
      ],
    });
    expect(doc.validateForIdentityPolicy()).toEqual(["sid 'A' is used by more than one statement; sids must be unique in a policy"]);
  });

  test('fails validation as a key policy over 32768 bytes, counting the compact JSON', () => {
    const principals = Array.from({ length: 1200 }, (_, i) => `arn:aws:iam::${String(100000000000 + i)}:root`);
    const doc = new PolicyDocument({ statements: [new PolicyStatement({ sid: 'A', awsPrincipals: principals, actions: ['kms:Decrypt'], resources: ['*'] })] });
    const bytes = policyBytes(doc.toJSON());
    expect(bytes).toBeGreaterThan(32768);
    expect(doc.validateForResourcePolicy()).toEqual([`key policy is ${bytes} bytes; allowed at most 32768 (KMS key policy document size)`]);
  });

  test('policyNonWhitespaceChars counts no whitespace at all, as IAM sizes policies', () => {
    const doc = { Version: '2012-10-17' as const, Statement: [{ Sid: 'A', Effect: 'Allow' as const, Action: 'a:b', Resource: 'x y' }] };
    // {"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"a:b","Resource":"xy"}]} without the space in "x y"
    expect(policyNonWhitespaceChars(doc)).toBe(JSON.stringify(doc).length - 1);
  });
});
