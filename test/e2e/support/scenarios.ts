/**
 * The end-to-end scenarios of one emitter against the emulator, on the typical model. They build on
 * each other and run in this order (import last, so it also reads the key the instance then uses):
 *   1. apply every unit; a second plan is clean; the emulator holds exactly the model;
 *   2. change the model, regenerate into the same --out: the plan changes exactly what changed, in
 *      exactly the units `idcgen review` lists; apply; plan clean; the emulator holds the new model;
 *   4. `idcgen encryption status | enable --dry-run | enable --yes | status`, and `enable` again
 *      changes nothing;
 *   3. `idcgen import` the estate, `generate` from the imported model: its plan only imports.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DescribeInstanceCommand } from '@aws-sdk/client-sso-admin';
import type { ResolvedModel } from '../../../src/model/ir';
import { loadResolved } from '../../../src/pipeline';
import { runCli, type CliResult } from '../../support/cli';
import { changedKeys, describePlans, onlyImports } from './changes';
import { Deployment, type UnitPlan } from './deployment';
import { describeWithEmulator, seedFromModel, startEmulator, type Emulator } from './emulator';
import { liveFacts, liveKeyArns, modelFacts, readLiveEstate } from './live-state';
import { changeModel, type ModelChange } from './model-change';
import type { Emitter } from './units';

const TYPICAL = path.resolve(__dirname, '../../../examples/typical.yaml');
/** A scenario's budget: generous, for a machine shared with other work (a quiet one needs ~2 min). */
const STEP_TIMEOUT_MS = 20 * 60_000;

/** Scenario 2 on the typical model, and the plan it must produce, unit by unit. */
const CHANGE: ModelChange = {
  add: { user: 'alice', permissionSet: 'ReadOnly', accounts: ['prod-app'] },
  narrow: { group: 'Developers', permissionSet: 'Developer', accounts: ['dev-app'] },
  sessionDuration: { permissionSet: 'Developer', value: 'PT6H' },
  replicaRegion: { key: 'identity-center', region: 'us-east-1' },
};
const CHANGE_PLAN = {
  assignments: ['create assignment USER/alice/ReadOnly/333333333333', 'delete assignment GROUP/Developers/Developer/666666666666'],
  // the new replica gets the primary's alias in its own Region (aliases are Regional)
  management: [
    'create alias alias/identity-center',
    'create replica key of identity-center',
    'update permission set Developer: session_duration "PT8H" -> "PT6H"',
  ],
};

function ok(res: CliResult, what: string): CliResult {
  if (res.code !== 0) throw new Error(`${what} exited ${res.code}:\n${res.stdout}\n${res.stderr}`);
  return res;
}

/** Each unit's plan as [unit, exit code, changes]; a clean deployment is [unit, 0, 0] for every unit of the model. */
const clean = (plans: readonly UnitPlan[]): [string, number, number][] =>
  plans.map((p): [string, number, number] => [p.unit, p.exitCode, p.changes.length]).sort();
const allClean = (ir: ResolvedModel): [string, number, number][] => ir.units.map((u): [string, number, number] => [u.name, 0, 0]).sort();

export function describeEndToEnd(emitter: Emitter): void {
  describeWithEmulator(
    `end to end against the AWS emulator: ${emitter}`,
    () => {
      let work: string;
      let emu: Emulator;
      let deployment: Deployment;
      let model: string;
      let failed: string | undefined;
      const savedEnv = { ...process.env };

      const load = (file: string): ResolvedModel => loadResolved(file).ir;
      const generate = async (file: string, out: string): Promise<ResolvedModel> => {
        ok(await runCli(['generate', file, '--out', out, '--format', emitter]), `idcgen generate ${file}`);
        return load(file);
      };
      /** The emulator holds exactly what `ir` describes. */
      const expectEmulatorHolds = async (ir: ResolvedModel): Promise<void> => {
        const expected = modelFacts(ir, await liveKeyArns(emu, ir), ir.organization.managementAccountId);
        expect(await liveFacts(emu, ir)).toEqual(expected);
      };
      /** Scenarios build on each other: after a failure the later ones say so instead of failing obscurely. */
      const step = (name: string, fn: () => Promise<void>): void =>
        test(
          name,
          async () => {
            if (failed) throw new Error(`not run: scenario '${failed}' failed`);
            try {
              await fn();
            } catch (e) {
              failed = name;
              throw e;
            }
          },
          STEP_TIMEOUT_MS,
        );

      beforeAll(async () => {
        work = fs.mkdtempSync(path.join(os.tmpdir(), `idcgen-e2e-${emitter}-`));
        fs.mkdirSync(path.join(work, 'model'));
        fs.mkdirSync(path.join(work, 'state'));
        model = path.join(work, 'model', 'org.yaml');
        fs.copyFileSync(TYPICAL, model);
        emu = await startEmulator(seedFromModel(load(model)), work);
        // The idcgen CLI runs in this process: its AWS SDK clients read these.
        Object.assign(process.env, emu.sdkEnv());
        deployment = new Deployment(emitter, path.join(work, 'out'), path.join(work, 'state'), emu);
      });

      afterAll(async () => {
        await emu?.stop();
        for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
        if (process.env.IDCGEN_KEEP_TF === '1') console.warn(`kept ${work}`);
        else if (work) fs.rmSync(work, { recursive: true, force: true });
      });

      step('1. every unit applies in dependency order; a second plan is clean; the emulator holds exactly the model', async () => {
        const ir = await generate(model, deployment.outDir);
        await deployment.prepare();
        await deployment.apply();
        expect(clean(await deployment.plan())).toEqual(allClean(ir));
        await expectEmulatorHolds(ir);
      });

      step('2. a changed model regenerated into the same --out plans exactly the change, in exactly the units review lists', async () => {
        const base = path.join(work, 'model', 'base.yaml');
        fs.copyFileSync(model, base);
        fs.writeFileSync(model, changeModel(fs.readFileSync(model, 'utf8'), CHANGE));
        const review = JSON.parse(ok(await runCli(['review', '--base', base, '--head', model, '--format', 'json']), 'idcgen review').stdout) as {
          units: { name: string }[];
        };

        deployment.removeOverrides();
        const ir = await generate(model, deployment.outDir);
        await deployment.prepare();
        const plans = await deployment.plan();
        const described = describePlans(plans, await readLiveEstate(emu, ir.identityCenter.region), await liveKeyArns(emu, ir));
        expect(Object.keys(described).sort()).toEqual(review.units.map((u) => u.name).sort());
        expect(described).toEqual(CHANGE_PLAN);

        await deployment.applyPlans(plans);
        expect(clean(await deployment.plan())).toEqual(allClean(ir));
        await expectEmulatorHolds(ir);
      });

      step('4. encryption status, enable --dry-run, enable --yes, status switch the instance to the applied key; enable again changes nothing', async () => {
        const ir = load(model);
        const keyArn = (await liveKeyArns(emu, ir))[ir.identityCenter.encryptionKey as string];
        const sso = emu.clients(ir.identityCenter.region).ssoAdmin;
        const encryption = async (): Promise<unknown> =>
          (await sso.send(new DescribeInstanceCommand({ InstanceArn: emu.instanceArn }))).EncryptionConfigurationDetails;
        const cli = (...args: string[]): Promise<CliResult> => runCli(['encryption', ...args, model, '--poll-interval', '0.1']);

        const before = ok(await cli('status'), 'encryption status');
        expect(before.stdout).toContain('encryption: AWS_OWNED_KMS_KEY ENABLED');
        expect(before.stdout).toContain(`identity center does not use ${keyArn} yet`);

        const dry = ok(await cli('enable', '--dry-run'), 'encryption enable --dry-run');
        expect(dry.stdout).toContain('pre-flight: ok');
        expect(dry.stdout).toContain(`dry run: would call UpdateInstance on ${emu.instanceArn} with CUSTOMER_MANAGED_KEY ${keyArn}; nothing changed`);
        expect(await encryption()).toEqual({ KeyType: 'AWS_OWNED_KMS_KEY', EncryptionStatus: 'ENABLED' });

        const enable = ok(await cli('enable', '--yes'), 'encryption enable --yes');
        expect(enable.stdout).toContain(`identity center now uses CUSTOMER_MANAGED_KEY ${keyArn} (ENABLED)`);
        expect(await encryption()).toEqual({ KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn: keyArn, EncryptionStatus: 'ENABLED' });

        const after = ok(await cli('status'), 'encryption status');
        expect(after.stdout).toContain(`encryption: CUSTOMER_MANAGED_KEY ${keyArn} ENABLED`);
        expect(after.stdout).toContain('pre-flight: ok');

        const again = ok(await cli('enable', '--yes'), 'encryption enable --yes (again)');
        expect(again.stdout).toContain(`identity center already uses CUSTOMER_MANAGED_KEY ${keyArn}: nothing to do`);
        expect(again.stdout).not.toContain('UpdateInstance accepted');
        expect(await encryption()).toEqual({ KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn: keyArn, EncryptionStatus: 'ENABLED' });
      });

      step('3. the estate imported with idcgen import generates Terraform whose plan only imports: no create, no destroy, no change in AWS', async () => {
        const imported = path.join(work, 'imported', 'org.yaml');
        const region = load(model).identityCenter.region;
        ok(await runCli(['import', '--region', region, '--out', imported]), 'idcgen import');
        const out = path.join(work, 'imported-out');
        const ir = await generate(imported, out);
        fs.mkdirSync(path.join(work, 'imported-state'));
        const fresh = new Deployment(emitter, out, path.join(work, 'imported-state'), emu);
        await fresh.prepare();
        const plans = await fresh.plan();
        expect(plans.map((p) => p.unit).sort()).toEqual(ir.units.map((u) => u.name).sort());
        const notImports = plans.flatMap((p) =>
          p.changes
            .filter((c) => !onlyImports(c))
            .map((c) => `${p.unit}: ${c.importing ? 'import+' : ''}${c.actions.join('+')} ${c.address} ${changedKeys(c).join(',')}`),
        );
        expect(notImports).toEqual([]);
        const importedCount = plans.reduce((n, p) => n + p.changes.length, 0);
        const planned = (JSON.parse(fs.readFileSync(path.join(work, 'imported', 'org.imports.json'), 'utf8')) as { resources: unknown[] }).resources.length;
        expect(importedCount).toBe(planned);
      });
    },
    { terraform: true },
  );
}
