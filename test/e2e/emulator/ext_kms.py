"""
KMS where stock moto 5.2.1 deviates from AWS in ways the generated Terraform reads back.

Each patch names the AWS page it follows. None accepts a request AWS would refuse.
"""

import json
import re
import uuid
from typing import Any

from moto.kms import models as kms_models
from moto.kms.exceptions import NotFoundException, ValidationException
from moto.kms.models import Key, KmsBackend, kms_backends
from moto.kms.responses import KmsResponse
from moto.core.exceptions import JsonRESTError
from moto.utilities.utils import get_partition

# https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-overview.html#mrk-id
# "mrk- followed by 32 hexadecimal characters" (moto: mrk- + a dashed UUID, which the KMS and
# sso-admin key ARN patterns reject). Single-Region key ids stay UUIDs.
KEY_ID = re.compile(
    r"^(?:mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$"
)

# https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html
# RotationPeriodInDays: 90..2560, default 365.
ROTATION_DAYS = {"min": 90, "max": 2560, "default": 365}


def generate_key_id(multi_region: bool = False) -> str:
    return f"mrk-{uuid.uuid4().hex}" if multi_region else str(uuid.uuid4())


def _validate_cmk_id(self: KmsResponse, key_id: str) -> None:
    """A key id or key ARN in AWS's formats (moto's check only knows mrk- + UUID)."""
    is_arn = key_id.startswith("arn:") and ":key/" in key_id
    if not is_arn and not KEY_ID.match(key_id):
        raise NotFoundException(f"Invalid keyId {key_id}")
    if self.kms_backend.get_key_id(key_id) not in self.kms_backend.keys:
        raise NotFoundException(f"Key '{self._display_arn(key_id)}' does not exist")


def enable_key_rotation(self: KmsResponse) -> str:
    """Stores RotationPeriodInDays (moto drops it, so Terraform sees a diff on every plan)."""
    key_id = self._get_param("KeyId")
    days = self._get_param("RotationPeriodInDays", ROTATION_DAYS["default"])
    self._validate_cmk_id(key_id)
    if not ROTATION_DAYS["min"] <= days <= ROTATION_DAYS["max"]:
        raise ValidationException(
            f"1 validation error detected: Value '{days}' at 'rotationPeriodInDays' failed to satisfy "
            f"constraint: Member must have value between {ROTATION_DAYS['min']} and {ROTATION_DAYS['max']}"
        )
    key = self.kms_backend.keys[self.kms_backend.get_key_id(key_id)]
    key.key_rotation_status = True
    key.rotation_period_in_days = days
    return json.dumps(None)


def get_key_rotation_status(self: KmsResponse) -> str:
    """https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html:
    KeyId and, while rotation is enabled, RotationPeriodInDays."""
    key_id = self._get_param("KeyId")
    self._validate_cmk_id(key_id)
    key = self.kms_backend.keys[self.kms_backend.get_key_id(key_id)]
    out: dict[str, Any] = {"KeyId": key.arn, "KeyRotationEnabled": key.key_rotation_status}
    if key.key_rotation_status:
        out["RotationPeriodInDays"] = getattr(key, "rotation_period_in_days", ROTATION_DAYS["default"])
    return json.dumps(out)


def create_key(self: KmsBackend, policy: str | None, key_usage: str | None, key_spec: str, description: str, tags: Any, multi_region: bool = False, origin: str = "AWS_KMS") -> Key:
    """https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html: KeyUsage defaults to
    ENCRYPT_DECRYPT (moto left it empty)."""
    return _moto_create_key(self, policy, key_usage or "ENCRYPT_DECRYPT", key_spec, description, tags, multi_region, origin)


_moto_create_key = KmsBackend.create_key


def replicate_key(
    self: KmsBackend, key_id: str, replica_region: str, policy: str | None, description: str | None, tags: list[dict[str, str]] | None
) -> Key:
    """
    https://docs.aws.amazon.com/kms/latest/APIReference/API_ReplicateKey.html: the replica gets the
    request's Policy (the default key policy when absent), Description and Tags; it shares key
    material, id, spec and usage with its primary and is its own key otherwise.
    https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-overview.html#mrk-sync-properties
    moto copied the primary object instead (its policy, description and tags, and one
    MultiRegionConfiguration dict, so describing a replica turned the primary into a REPLICA).
    """
    primary = self.keys[self.get_key_id(key_id)]
    if not primary.multi_region or primary.multi_region_configuration["MultiRegionKeyType"] != "PRIMARY":
        raise JsonRESTError("UnsupportedOperationException", f"{primary.arn} is not a multi-Region primary key")
    if replica_region == self.region_name or any(
        r["Region"] == replica_region for r in primary.multi_region_configuration["ReplicaKeys"]
    ):
        raise JsonRESTError("AlreadyExistsException", f"{primary.id} already exists in {replica_region}")
    target = kms_backends[self.account_id][replica_region]
    replica = Key(policy, primary.key_usage, primary.key_spec, description or "", self.account_id, replica_region, True, primary.origin)
    replica.id = primary.id
    replica.arn = f"arn:{get_partition(replica_region)}:kms:{replica_region}:{self.account_id}:key/{primary.id}"
    replica.key_material = primary.key_material
    replica.private_key = primary.private_key
    replica.key_rotation_status = primary.key_rotation_status
    primary.multi_region_configuration["ReplicaKeys"].append({"Arn": replica.arn, "Region": replica_region})
    # PrimaryKey and ReplicaKeys are shared properties: one list seen from every key of the set.
    replica.multi_region_configuration = {
        "MultiRegionKeyType": "REPLICA",
        "PrimaryKey": primary.multi_region_configuration["PrimaryKey"],
        "ReplicaKeys": primary.multi_region_configuration["ReplicaKeys"],
    }
    target.keys[replica.id] = replica
    if tags:
        target.tag_resource(replica.id, tags)
    return replica


def describe_key(self: KmsBackend, key_id: str) -> Key:
    """Without moto's rewrite of MultiRegionKeyType on read (each key now holds its own type)."""
    return self.keys[self.any_id_to_key_id(key_id)]


def replicate_key_response(self: KmsResponse) -> str:
    key_id = self._get_param("KeyId")
    self._validate_key_id(key_id)
    replica = self.kms_backend.replicate_key(
        key_id,
        self._get_param("ReplicaRegion"),
        self._get_param("Policy"),
        self._get_param("Description"),
        self._get_param("Tags"),
    )
    tags = kms_backends[self.current_account][replica.region].list_resource_tags(replica.id)["Tags"]
    return json.dumps(
        {"ReplicaKeyMetadata": replica.to_dict()["KeyMetadata"], "ReplicaPolicy": replica.policy, "ReplicaTags": tags}
    )


def apply() -> None:
    kms_models.generate_key_id = generate_key_id
    KmsResponse._validate_cmk_id = _validate_cmk_id
    KmsResponse.enable_key_rotation = enable_key_rotation
    KmsResponse.get_key_rotation_status = get_key_rotation_status
    KmsResponse.replicate_key = replicate_key_response
    KmsBackend.create_key = create_key
    KmsBackend.replicate_key = replicate_key
    KmsBackend.describe_key = describe_key
