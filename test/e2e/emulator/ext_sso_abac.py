"""
The instance's attributes for access control, which stock moto 5.2.1 lacks: `idcgen import` reads
them (DescribeInstanceAccessControlAttributeConfiguration) and the generated Terraform writes them
(aws_ssoadmin_instance_access_control_attributes: Create/Describe/Update/Delete). One configuration
per instance, as AWS keeps it; asking for one that does not exist is ResourceNotFoundException.

API: https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreateInstanceAccessControlAttributeConfiguration.html
and its Describe/Update/Delete pages.
"""

import json
from typing import Any

from moto.ssoadmin.exceptions import ResourceNotFoundException
from moto.ssoadmin.responses import SSOAdminResponse

from ext_sso_instance import ValidationException, find_instance

_CONFIGS: dict[str, list[dict[str, Any]]] = {}


def _attributes(self: SSOAdminResponse) -> list[dict[str, Any]]:
    config = self._get_param("InstanceAccessControlAttributeConfiguration") or {}
    attrs = config.get("AccessControlAttributes") or []
    # AccessControlAttributeList: 0..50 items; each Value.Source exactly one (API_AccessControlAttributeValue.html)
    if len(attrs) > 50 or any(len((a.get("Value") or {}).get("Source") or []) != 1 for a in attrs):
        raise ValidationException("AccessControlAttributes: at most 50, each with exactly one Source")
    return attrs


def create_instance_access_control_attribute_configuration(self: SSOAdminResponse) -> str:
    arn = find_instance(self, self._get_param("InstanceArn")).instance_arn
    if arn in _CONFIGS:
        raise ValidationException("the instance already has an attribute configuration; update it")
    _CONFIGS[arn] = _attributes(self)
    return "{}"


def update_instance_access_control_attribute_configuration(self: SSOAdminResponse) -> str:
    arn = find_instance(self, self._get_param("InstanceArn")).instance_arn
    if arn not in _CONFIGS:
        raise ResourceNotFoundException("the instance has no attribute configuration")
    _CONFIGS[arn] = _attributes(self)
    return "{}"


def describe_instance_access_control_attribute_configuration(self: SSOAdminResponse) -> str:
    arn = find_instance(self, self._get_param("InstanceArn")).instance_arn
    if arn not in _CONFIGS:
        raise ResourceNotFoundException("the instance has no attribute configuration")
    return json.dumps({"Status": "ENABLED", "InstanceAccessControlAttributeConfiguration": {"AccessControlAttributes": _CONFIGS[arn]}})


def delete_instance_access_control_attribute_configuration(self: SSOAdminResponse) -> str:
    arn = find_instance(self, self._get_param("InstanceArn")).instance_arn
    if _CONFIGS.pop(arn, None) is None:
        raise ResourceNotFoundException("the instance has no attribute configuration")
    return "{}"


def apply() -> None:
    for fn in (
        create_instance_access_control_attribute_configuration,
        update_instance_access_control_attribute_configuration,
        describe_instance_access_control_attribute_configuration,
        delete_instance_access_control_attribute_configuration,
    ):
        setattr(SSOAdminResponse, fn.__name__, fn)
