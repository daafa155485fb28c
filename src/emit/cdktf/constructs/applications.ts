/**
 * Customer managed applications of Identity Center: each application with its assignment
 * requirement, access scopes and the groups and users assigned to it. Principal ids come from the
 * caller (created in the same stack, or looked up by name), as for account assignments.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/customermanagedapps.html
 */
import type { PrincipalType, ResolvedApplication } from '../../../model';
import {
  Construct,
  SsoadminApplication,
  SsoadminApplicationAccessScope,
  SsoadminApplicationAssignment,
  SsoadminApplicationAssignmentConfiguration,
} from '../cdktf';
import { constructId, namespace, namespaceAt } from '../private/namespace';

/** Props of {@link Applications}. */
export interface ApplicationsProps {
  readonly instanceArn: string;
  readonly applications: readonly ResolvedApplication[];
  /** Terraform expression of a principal's identity store id. */
  readonly principalId: (type: PrincipalType, name: string) => string;
}

/** Applications with their assignment configuration, access scopes and assignments. */
export class Applications extends Construct {
  private readonly apps = new Map<string, SsoadminApplication>();

  constructor(scope: Construct, id: string, props: ApplicationsProps) {
    super(scope, id);
    for (const app of props.applications) this.addApplication(app, props);
  }

  /** Terraform expression of the application's ARN. */
  arn(name: string): string {
    const app = this.apps.get(name);
    if (!app) throw new Error(`unknown application ${name}`);
    return app.applicationArn;
  }

  private addApplication(app: ResolvedApplication, props: ApplicationsProps): void {
    const scope = namespace(this, app.name);
    const signIn = app.portal?.signIn;
    const created = new SsoadminApplication(scope, 'Application', {
      instanceArn: props.instanceArn,
      name: app.name,
      applicationProviderArn: app.providerArn,
      description: app.description,
      status: app.status,
      portalOptions: app.portal
        ? [
            {
              visibility: app.portal.visibility,
              signInOptions: signIn ? [{ origin: signIn.origin, applicationUrl: signIn.url }] : undefined,
            },
          ]
        : undefined,
      tags: Object.keys(app.tags).length > 0 ? { ...app.tags } : undefined,
    });
    this.apps.set(app.name, created);
    const applicationArn = created.applicationArn;

    new SsoadminApplicationAssignmentConfiguration(scope, 'AssignmentConfiguration', { applicationArn, assignmentRequired: app.assignmentRequired });

    for (const s of app.accessScopes) {
      new SsoadminApplicationAccessScope(namespace(scope, 'AccessScope'), constructId(s.scope), {
        applicationArn,
        scope: s.scope,
        authorizedTargets: s.authorizedTargets.length > 0 ? [...s.authorizedTargets] : undefined,
      });
    }

    for (const p of app.assignments) {
      new SsoadminApplicationAssignment(namespaceAt(scope, ['Assignment', p.principalType]), constructId(p.principalName), {
        applicationArn,
        principalType: p.principalType,
        principalId: props.principalId(p.principalType, p.principalName),
      });
    }
  }
}
