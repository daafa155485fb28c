"""
sso-admin (IAM Identity Center) where stock moto 5.2.1 deviates from AWS: APIs the generated
Terraform, `idcgen import` and `idcgen encryption` call that moto lacks or answers differently.

Each patch names the AWS page it follows. None accepts a request AWS would refuse; the key
switch (UpdateInstance) checks the key as Identity Center does and fails the same way.
"""

import json
import re
import uuid
from fnmatch import fnmatchcase
from typing import Any

from moto.core.exceptions import JsonRESTError
from moto.core.utils import unix_time
from moto.kms.models import kms_backends
from moto.moto_api._internal import mock_random as random
from moto.ssoadmin import models as sso_models
from moto.ssoadmin.exceptions import ResourceNotFoundException
from moto.ssoadmin.models import Instance, PermissionSet, SSOAdminBackend
from moto.ssoadmin.responses import SSOAdminResponse

API = "https://docs.aws.amazon.com/singlesignon/latest/APIReference"

# API_EncryptionConfiguration.html: KmsKeyArn must be a key ARN (aliases and key ids fail it).
KEY_ARN = re.compile(
    r"^arn:aws(-[a-z]{1,5}){0,3}:kms:([a-z]{2,}(-[a-z0-9]+)+):([0-9]{12}):key/"
    r"(mrk-[a-f0-9]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$"
)
KEY_TYPES = ("AWS_OWNED_KMS_KEY", "CUSTOMER_MANAGED_KEY")

# What Identity Center needs from a key's policy before it switches to it: set by the harness from
# idcgen's one list of AWS facts (src/aws/facts.ts), so the emulator and idcgen cannot disagree.
REQUIRED: dict[str, list[str]] = {"servicePrincipals": [], "actions": []}


def configure(required: dict[str, list[str]]) -> None:
    REQUIRED.update(required)


class ValidationException(JsonRESTError):
    code = 400

    def __init__(self, message: str) -> None:
        super().__init__("ValidationException", message)


def _hex(n: int) -> str:
    return "".join(random.choice("0123456789abcdef") for _ in range(n))


def _instance_init(self: Instance, account_id: str, region: str) -> None:
    """
    Ids in AWS's formats: identity store `d-` + 10 hex (IdentityStoreAPIReference
    API_DescribeUser.html, IdentityStoreId pattern), instance `ssoins-` + 16 hex
    (API_InstanceMetadata.html). moto drew them from letters and digits. Every instance starts on
    the AWS owned key (API_DescribeInstance.html, EncryptionConfigurationDetails).
    """
    self.created_date = unix_time()
    self.identity_store_id = f"d-{_hex(10)}"
    self.instance_arn = f"arn:aws:sso:::instance/ssoins-{_hex(16)}"
    self.account_id = account_id
    self.region = region
    self.status = "ACTIVE"
    self.name = None
    self.provisioned_permission_sets = []
    self.encryption = {"KeyType": "AWS_OWNED_KMS_KEY", "EncryptionStatus": "ENABLED"}
    self.pending_encryption: dict[str, Any] | None = None


def _backend_init(self: SSOAdminBackend, region_name: str, account_id: str) -> None:
    """
    No instance appears by itself: an organization instance is enabled once, in one Region of the
    management account, and CreateInstance cannot make one (API_CreateInstance.html). The harness
    seeds it; moto put one in every account and Region it was asked about.
    """
    _moto_backend_init(self, region_name, account_id)
    self.instances = []
    self.provisioned_accounts: dict[str, set[str]] = {}
    self.provisioning_requests: dict[str, dict[str, Any]] = {}
    self.permission_set_tags: dict[str, dict[str, str]] = {}
    self.permissions_boundaries: dict[str, dict[str, Any]] = {}


_moto_backend_init = SSOAdminBackend.__init__


def _instance(self: SSOAdminResponse, arn: str) -> Instance:
    for instance in self.ssoadmin_backend.instances:
        if instance.instance_arn == arn:
            return instance
    raise ResourceNotFoundException(f"Instance {arn} does not exist")


def _permission_set(self: SSOAdminResponse) -> PermissionSet:
    return self.ssoadmin_backend._find_permission_set(self._get_param("InstanceArn"), self._get_param("PermissionSetArn"))


# ---- Instance and its encryption (API_DescribeInstance.html, API_UpdateInstance.html) ----


def describe_instance(self: SSOAdminResponse) -> str:
    instance = _instance(self, self._get_param("InstanceArn"))
    _settle_encryption(instance)
    out = {**instance.to_json(), "EncryptionConfigurationDetails": dict(instance.encryption)}
    return json.dumps({k: v for k, v in out.items() if v is not None})


def update_instance(self: SSOAdminResponse) -> str:
    """
    One change per request (Name or EncryptionConfiguration). A key switch answers at once and
    reports UPDATING on the next DescribeInstance; then Identity Center "validates that it can use
    the key" and reports ENABLED, or UPDATE_FAILED with a reason while the previous key stays in
    use (identity-center-customer-managed-keys.html, API_EncryptionConfigurationDetails.html).
    """
    instance = _instance(self, self._get_param("InstanceArn"))
    name = self._get_param("Name")
    config = self._get_param("EncryptionConfiguration")
    if name is not None and config is not None:
        raise ValidationException("Only one of Name, EncryptionConfiguration can be updated in a request")
    if config is None:
        instance.name = name
        return "{}"
    key_type, key_arn = config.get("KeyType"), config.get("KmsKeyArn")
    if key_type not in KEY_TYPES:
        raise ValidationException(f"KeyType '{key_type}' is not one of {', '.join(KEY_TYPES)}")
    if key_type == "CUSTOMER_MANAGED_KEY" and not (key_arn and KEY_ARN.match(key_arn)):
        raise ValidationException(f"KmsKeyArn '{key_arn}' must be a KMS key ARN when KeyType is CUSTOMER_MANAGED_KEY")
    if key_type == "AWS_OWNED_KMS_KEY" and key_arn is not None:
        raise ValidationException("KmsKeyArn cannot be specified when KeyType is AWS_OWNED_KMS_KEY")
    if instance.encryption["EncryptionStatus"] == "UPDATING":
        raise JsonRESTError("ConflictException", "An encryption update is already in progress")
    wanted = {"KeyType": key_type, **({"KmsKeyArn": key_arn} if key_arn else {})}
    instance.pending_encryption = {**wanted, "EncryptionStatus": "UPDATING", "previous": dict(instance.encryption)}
    instance.encryption = {**wanted, "EncryptionStatus": "UPDATING"}
    return "{}"


def _settle_encryption(instance: Instance) -> None:
    """UPDATING is seen once; the next DescribeInstance shows the outcome."""
    pending = instance.pending_encryption
    if pending is None:
        return
    if not pending.pop("seen", False):
        pending["seen"] = True
        return
    instance.pending_encryption = None
    wanted = {k: v for k, v in pending.items() if k in ("KeyType", "KmsKeyArn")}
    reason = None if wanted["KeyType"] == "AWS_OWNED_KMS_KEY" else _key_problem(instance, wanted["KmsKeyArn"])
    if reason is None:
        instance.encryption = {**wanted, "EncryptionStatus": "ENABLED"}
    else:
        previous = {k: v for k, v in pending["previous"].items() if k in ("KeyType", "KmsKeyArn")}
        instance.encryption = {**previous, "EncryptionStatus": "UPDATE_FAILED", "EncryptionStatusReason": reason}


def _key_problem(instance: Instance, key_arn: str) -> str | None:
    """
    Why Identity Center could not use the key, or None. The key must be in the instance's account
    and Region, enabled, symmetric ENCRYPT_DECRYPT, and its policy must let Identity Center and
    Identity Store use it (identity-center-customer-managed-keys.html, baseline-KMS-key-policy.html).
    """
    m = KEY_ARN.match(key_arn)
    assert m is not None
    region, account = m.group(2), m.group(4)
    key = kms_backends[account][region].keys.get(m.group(5)) if account == instance.account_id else None
    if key is None or region != instance.region:
        return f"KMS key {key_arn} was not found in account {instance.account_id}, Region {instance.region}"
    if key.key_state != "Enabled":
        return f"KMS key {key_arn} is in state {key.key_state}; it must be Enabled"
    if key.key_spec != "SYMMETRIC_DEFAULT" or key.key_usage != "ENCRYPT_DECRYPT":
        return f"KMS key {key_arn} is {key.key_spec} {key.key_usage}; a symmetric encryption key is required"
    missing = _policy_gaps(json.loads(key.policy))
    if missing:
        return f"the key policy of {key_arn} does not allow {'; '.join(missing)}"
    return None


def _policy_gaps(policy: dict[str, Any]) -> list[str]:
    """
    Service principal and action pairs no Allow statement grants. Conditions are not evaluated:
    the documented ones (aws:SourceAccount, encryption context, kms:ViaService) hold for the
    service's own calls, and no emulated request could show otherwise.
    """
    statements = policy.get("Statement", [])
    statements = statements if isinstance(statements, list) else [statements]
    gaps = []
    for service in REQUIRED["servicePrincipals"]:
        actions = [a for a in REQUIRED["actions"] if not any(_allows(s, service, a) for s in statements)]
        if actions:
            gaps.append(f"{service} {', '.join(actions)}")
    return gaps


def _allows(statement: dict[str, Any], service: str, action: str) -> bool:
    if statement.get("Effect") != "Allow":
        return False
    principal = statement.get("Principal")
    services = principal.get("Service", []) if isinstance(principal, dict) else []
    services = [services] if isinstance(services, str) else services
    if principal != "*" and service not in services:
        return False
    actions = statement.get("Action", [])
    actions = [actions] if isinstance(actions, str) else actions
    return any(fnmatchcase(action.lower(), a.lower()) for a in actions)


def list_applications(self: SSOAdminResponse) -> str:
    """API_ListApplications.html: the seeded instance has no applications."""
    _instance(self, self._get_param("InstanceArn"))
    return json.dumps({"Applications": []})


# ---- Provisioning (API_CreateAccountAssignment.html, API_ProvisionPermissionSet.html) ----


def _provision(backend: SSOAdminBackend, instance_arn: str, ps_arn: str, accounts: set[str]) -> dict[str, Any]:
    backend.provisioned_accounts.setdefault(ps_arn, set()).update(accounts)
    status = {
        "AccountId": sorted(accounts)[0] if len(accounts) == 1 else None,
        "CreatedDate": unix_time(),
        "PermissionSetArn": ps_arn,
        "RequestId": str(uuid.uuid4()),
        "Status": "SUCCEEDED",
    }
    status = {k: v for k, v in status.items() if v is not None}
    backend.provisioning_requests[status["RequestId"]] = {"instance": instance_arn, **status}
    return status


def create_account_assignment(self: SSOAdminResponse) -> str:
    """"As part of a successful CreateAccountAssignment call, the specified permission set will
    automatically be provisioned to the account" (moto kept no record of it)."""
    body = _moto_create_account_assignment(self)
    _provision(self.ssoadmin_backend, self._get_param("InstanceArn"), self._get_param("PermissionSetArn"), {self._get_param("TargetId")})
    return body


_moto_create_account_assignment = SSOAdminResponse.create_account_assignment


def provision_permission_set(self: SSOAdminResponse) -> str:
    """TargetType AWS_ACCOUNT provisions to TargetId; ALL_PROVISIONED_ACCOUNTS re-provisions the
    accounts it is already provisioned to (moto provisioned to the caller's account)."""
    ps = _permission_set(self)
    target_type = self._get_param("TargetType")
    backend = self.ssoadmin_backend
    if target_type == "AWS_ACCOUNT":
        accounts = {self._get_param("TargetId")}
    elif target_type == "ALL_PROVISIONED_ACCOUNTS":
        accounts = set(backend.provisioned_accounts.get(ps.permission_set_arn, set()))
    else:
        raise ValidationException(f"TargetType '{target_type}' is not one of AWS_ACCOUNT, ALL_PROVISIONED_ACCOUNTS")
    status = _provision(backend, ps.instance_arn, ps.permission_set_arn, accounts)
    return json.dumps({"PermissionSetProvisioningStatus": status})


def describe_permission_set_provisioning_status(self: SSOAdminResponse) -> str:
    """API_DescribePermissionSetProvisioningStatus.html (moto: not implemented)."""
    request = self.ssoadmin_backend.provisioning_requests.get(self._get_param("ProvisionPermissionSetRequestId"))
    if request is None or request["instance"] != self._get_param("InstanceArn"):
        raise ResourceNotFoundException("Provisioning request not found")
    return json.dumps({"PermissionSetProvisioningStatus": {k: v for k, v in request.items() if k != "instance"}})


def list_accounts_for_provisioned_permission_set(self: SSOAdminResponse) -> str:
    """API_ListAccountsForProvisionedPermissionSet.html: every account the permission set is
    provisioned to (moto: only the caller's account, and only after ProvisionPermissionSet)."""
    ps = _permission_set(self)
    accounts = sorted(self.ssoadmin_backend.provisioned_accounts.get(ps.permission_set_arn, set()))
    return json.dumps({"AccountIds": accounts})


def list_permission_sets_provisioned_to_account(self: SSOAdminResponse) -> str:
    """API_ListPermissionSetsProvisionedToAccount.html: filtered by AccountId (moto ignored it)."""
    _instance(self, self._get_param("InstanceArn"))
    account = self._get_param("AccountId")
    arns = sorted(arn for arn, accounts in self.ssoadmin_backend.provisioned_accounts.items() if account in accounts)
    return json.dumps({"PermissionSets": arns})


# ---- Permission set tags (API_TagResource.html, API_UntagResource.html, API_ListTagsForResource.html) ----


def _tags(self: SSOAdminResponse) -> dict[str, str]:
    backend = self.ssoadmin_backend
    arn = self._get_param("ResourceArn")
    ps = backend._find_permission_set(self._get_param("InstanceArn"), arn)
    if arn not in backend.permission_set_tags:
        # CreatePermissionSet's Tags, which moto kept on the object without a way to read them.
        backend.permission_set_tags[arn] = {t["Key"]: t["Value"] for t in (ps.tags or [])}
    return backend.permission_set_tags[arn]


def tag_resource(self: SSOAdminResponse) -> str:
    _tags(self).update({t["Key"]: t["Value"] for t in self._get_param("Tags", [])})
    return "{}"


def untag_resource(self: SSOAdminResponse) -> str:
    tags = _tags(self)
    for key in self._get_param("TagKeys", []):
        tags.pop(key, None)
    return "{}"


def list_tags_for_resource(self: SSOAdminResponse) -> str:
    tags = _tags(self)
    return json.dumps({"Tags": [{"Key": k, "Value": v} for k, v in sorted(tags.items())]})


# ---- Permissions boundary (API_PutPermissionsBoundaryToPermissionSet.html and its Get/Delete) ----


def put_permissions_boundary_to_permission_set(self: SSOAdminResponse) -> str:
    ps = _permission_set(self)
    boundary = self._get_param("PermissionsBoundary") or {}
    if ("ManagedPolicyArn" in boundary) == ("CustomerManagedPolicyReference" in boundary):
        raise ValidationException("PermissionsBoundary needs exactly one of ManagedPolicyArn, CustomerManagedPolicyReference")
    self.ssoadmin_backend.permissions_boundaries[ps.permission_set_arn] = boundary
    return "{}"


def get_permissions_boundary_for_permission_set(self: SSOAdminResponse) -> str:
    ps = _permission_set(self)
    boundary = self.ssoadmin_backend.permissions_boundaries.get(ps.permission_set_arn)
    if boundary is None:
        raise ResourceNotFoundException("Could not find PermissionsBoundary")
    return json.dumps({"PermissionsBoundary": boundary})


def delete_permissions_boundary_from_permission_set(self: SSOAdminResponse) -> str:
    ps = _permission_set(self)
    if self.ssoadmin_backend.permissions_boundaries.pop(ps.permission_set_arn, None) is None:
        raise ResourceNotFoundException("Could not find PermissionsBoundary")
    return "{}"


def apply() -> None:
    Instance.__init__ = _instance_init
    SSOAdminBackend.__init__ = _backend_init
    for fn in (
        describe_instance,
        update_instance,
        list_applications,
        create_account_assignment,
        provision_permission_set,
        describe_permission_set_provisioning_status,
        list_accounts_for_provisioned_permission_set,
        list_permission_sets_provisioned_to_account,
        tag_resource,
        untag_resource,
        list_tags_for_resource,
        put_permissions_boundary_to_permission_set,
        get_permissions_boundary_for_permission_set,
        delete_permissions_boundary_from_permission_set,
    ):
        setattr(SSOAdminResponse, fn.__name__, fn)
    assert sso_models.Instance is Instance
