"""
Identity Store where stock moto 5.2.1 deviates from AWS. Each patch names the AWS page it follows.
"""

import json

from moto.identitystore.exceptions import ResourceNotFoundException
from moto.identitystore.models import IdentityStoreBackend, IdentityStoreData
from moto.identitystore.responses import IdentityStoreResponse

API = "https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference"


def _get_identity_store(self: IdentityStoreBackend, store_id: str) -> IdentityStoreData:
    """
    Only the seeded identity store exists: every call names an IdentityStoreId, and AWS answers
    ResourceNotFoundException (ResourceType IDENTITY_STORE) for one that does not exist
    (API_ResourceNotFoundException.html). moto created a store for any id it was given, so a wrong
    id in generated Terraform went unnoticed.
    """
    if store_id not in self.identity_stores:
        raise ResourceNotFoundException(message=f"Identity store {store_id} does not exist", resource_type="IDENTITY_STORE")
    return self.identity_stores[store_id]


def describe_group_membership(self: IdentityStoreResponse) -> str:
    """API_DescribeGroupMembership.html (moto: not implemented; Terraform reads memberships with it)."""
    store = self.identitystore_backend._IdentityStoreBackend__get_identity_store(self._get_param("IdentityStoreId"))
    membership = store.group_memberships.get(self._get_param("MembershipId"))
    if membership is None:
        raise ResourceNotFoundException(message="GroupMembership not found", resource_type="GROUP_MEMBERSHIP")
    return json.dumps(membership)


def apply() -> None:
    IdentityStoreBackend._IdentityStoreBackend__get_identity_store = _get_identity_store
    IdentityStoreResponse.describe_group_membership = describe_group_membership
