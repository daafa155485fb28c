"""
The IAM Identity Center instance where stock moto 5.2.1 deviates from AWS: which instances exist,
their id formats, and their encryption (DescribeInstance, UpdateInstance with
EncryptionConfiguration, ListApplications), which `idcgen encryption` and `idcgen import` call.

Each patch names the AWS page it follows (under API below). The key switch checks the key as
Identity Center does and fails the same way; it never accepts a key AWS would refuse.
"""

import json
import re
from fnmatch import fnmatchcase
from typing import Any

from moto.core.exceptions import JsonRESTError
from moto.core.utils import unix_time
from moto.kms.models import kms_backends
from moto.moto_api._internal import mock_random as random
from moto.ssoadmin.exceptions import ResourceNotFoundException
from moto.ssoadmin.models import Instance, SSOAdminBackend
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


def _no_instance_by_itself(moto_init: Any) -> Any:
    def init(self: SSOAdminBackend, region_name: str, account_id: str) -> None:
        """
        No instance appears by itself: an organization instance is enabled once, in one Region of
        the management account, and CreateInstance cannot make one (API_CreateInstance.html). The
        harness seeds it; moto put one in every account and Region it was asked about.
        """
        moto_init(self, region_name, account_id)
        self.instances = []

    return init


def find_instance(self: SSOAdminResponse, arn: str) -> Instance:
    for instance in self.ssoadmin_backend.instances:
        if instance.instance_arn == arn:
            return instance
    raise ResourceNotFoundException(f"Instance {arn} does not exist")


# ---- Instance and its encryption (API_DescribeInstance.html, API_UpdateInstance.html) ----


def describe_instance(self: SSOAdminResponse) -> str:
    instance = find_instance(self, self._get_param("InstanceArn"))
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
    instance = find_instance(self, self._get_param("InstanceArn"))
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
    find_instance(self, self._get_param("InstanceArn"))
    return json.dumps({"Applications": []})



def apply() -> None:
    Instance.__init__ = _instance_init
    SSOAdminBackend.__init__ = _no_instance_by_itself(SSOAdminBackend.__init__)
    for fn in (describe_instance, update_instance, list_applications):
        setattr(SSOAdminResponse, fn.__name__, fn)
