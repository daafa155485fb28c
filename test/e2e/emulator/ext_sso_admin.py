"""
Permission sets and account assignments where stock moto 5.2.1 deviates from AWS: provisioning
(and its status), permission set tags and permissions boundaries, APIs the generated Terraform and
`idcgen import` call that moto lacks or answers differently.

Each patch names the AWS page it follows (under API below). None accepts a request AWS would refuse.
"""

import json
import uuid
from typing import Any

from moto.core.utils import unix_time
from moto.ssoadmin.exceptions import ResourceNotFoundException
from moto.ssoadmin.models import PermissionSet, SSOAdminBackend
from moto.ssoadmin.responses import SSOAdminResponse

from ext_sso_instance import ValidationException, find_instance

API = "https://docs.aws.amazon.com/singlesignon/latest/APIReference"


def _with_state(moto_init: Any) -> Any:
    def init(self: SSOAdminBackend, region_name: str, account_id: str) -> None:
        moto_init(self, region_name, account_id)
        self.provisioned_accounts: dict[str, set[str]] = {}
        self.provisioning_requests: dict[str, dict[str, Any]] = {}
        self.permission_set_tags: dict[str, dict[str, str]] = {}
        self.permissions_boundaries: dict[str, dict[str, Any]] = {}

    return init


def _permission_set(self: SSOAdminResponse) -> PermissionSet:
    return self.ssoadmin_backend._find_permission_set(self._get_param("InstanceArn"), self._get_param("PermissionSetArn"))


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
    find_instance(self, self._get_param("InstanceArn"))
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
    SSOAdminBackend.__init__ = _with_state(SSOAdminBackend.__init__)
    for fn in (
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
