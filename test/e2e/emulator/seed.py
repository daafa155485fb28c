"""
Seed what Terraform does not create: the Organization with the model's accounts (at the model's
ids), OUs and account tags; the Identity Center organization instance and its identity store; the
groups and users an identity provider would have synced (external: true in the model); and an
IAM user with an access key in the management account, whose key the harness deploys with (moto
picks the account of a request from its access key).

Written through moto's backends, not its API: the API cannot choose account or instance ids.
"""

import uuid
from typing import Any
from unittest import mock

from moto.identitystore.models import Group, IdentityStoreData, identitystore_backends
from moto.iam.models import iam_backends
from moto.organizations import utils as org_utils
from moto.organizations.models import organizations_backends
from moto.ssoadmin.models import Instance, ssoadmin_backends

DEPLOYER = "idcgen-e2e-deployer"
# The role AWS Organizations creates in every account it creates (and idcgen's default roleName).
ORG_ACCESS_ROLE = "OrganizationAccountAccessRole"


def seed(spec: dict[str, Any]) -> dict[str, str]:
    org = spec["organization"]
    management = org["managementAccountId"]
    backend = organizations_backends[management]["aws"]
    backend.create_organization(region="us-east-1", FeatureSet="ALL")
    backend.org.id = org["id"]
    root = backend.ou[0]
    root.organization_id = org["id"]
    master = backend.accounts[0]
    master.organization_id = org["id"]

    parents = {(): root.id}
    for account in sorted(spec["accounts"], key=lambda a: a["id"]):
        path = tuple(account["ouPath"])
        parent = _ou(backend, parents, path)
        if account["id"] == management:
            master.name = account["name"]
            found = master
        else:
            with mock.patch.object(org_utils, "make_random_account_id", return_value=account["id"]):
                backend.create_account(AccountName=account["name"], Email=f"{account['name']}@example.com", RoleName=ORG_ACCESS_ROLE)
            found = backend.get_account_by_id(account["id"])
        found.parent_id = parent
        found.tags = dict(account["tags"])

    ic = spec["identityCenter"]
    instance = Instance(management, ic["region"])
    instance.instance_arn = ic.get("instanceArn") or instance.instance_arn
    instance.identity_store_id = ic.get("identityStoreId") or instance.identity_store_id
    ssoadmin_backends[management][ic["region"]].instances.append(instance)

    store = IdentityStoreData()
    identitystore_backends[management][ic["region"]].identity_stores[instance.identity_store_id] = store
    for i, name in enumerate(sorted(spec.get("externalGroups", []))):
        gid = str(uuid.uuid4())
        store.groups[gid] = Group(gid, name, [{"Issuer": "https://scim.example.com", "Id": f"group-{i}"}], "", instance.identity_store_id)
    if spec.get("externalUsers"):
        # moto's users have no ExternalIds, so a seeded user could not read back as IdP-synced.
        raise ValueError("seeding external users is not supported: moto users carry no ExternalIds")

    iam = iam_backends[management]["aws"]
    iam.create_user(None, DEPLOYER, "/", [])
    key = iam.create_access_key(DEPLOYER)
    return {
        "accessKeyId": key.access_key_id,
        "secretAccessKey": key.secret_access_key,
        "instanceArn": instance.instance_arn,
        "identityStoreId": instance.identity_store_id,
    }


def _ou(backend: Any, parents: dict[tuple[str, ...], str], path: tuple[str, ...]) -> str:
    """The id of the OU at `path` ('Root' and () are the root), created level by level."""
    if path in ((), ("Root",)):
        return parents[()]
    if path not in parents:
        parent = _ou(backend, parents, path[:-1])
        parents[path] = backend.create_organizational_unit(ParentId=parent, Name=path[-1])["OrganizationalUnit"]["Id"]
    return parents[path]
