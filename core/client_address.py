"""The client's address, as every limit of the plugin counts it.

One place for it, used by the booking limits, the admin's sign-in throttling (django-axes'
``AXES_CLIENT_IP_CALLABLE``) and the password-reset limit: only the X-Forwarded-For hops our own
proxies added are trusted (``CLINIC_PAGES_TRUSTED_PROXY_COUNT``), and IPv6 clients are counted
per /64, the block one household or one phone gets.
"""

from __future__ import annotations

import ipaddress

from ipware import get_client_ip

from clinic_pages.core.conf import clinic_pages_settings

# One household or one mobile device gets a whole IPv6 /64; counting addresses would count
# every one of them as a separate client.
IPV6_CLIENT_PREFIX = 64


def trusted_proxy_count() -> int:
    count = clinic_pages_settings.TRUSTED_PROXY_COUNT
    if count is None:
        # The old switch trusted the first hop, which the client writes; read as one proxy it
        # takes the hop that proxy appended instead.
        return 1 if clinic_pages_settings.APPOINTMENT_TRUST_X_FORWARDED_FOR else 0
    return max(int(count), 0)


def client_ip(request) -> str:
    """The client's address as the outermost of our own proxies saw it.

    Each trusted proxy appends the address it received the request from to X-Forwarded-For, so
    with N proxies the client is the N-th entry from the right; anything left of it was written
    by the client and is ignored. Without proxies, or when the header is shorter than our own
    proxies make it (the request came round them), the connecting address is used.
    """
    proxies = trusted_proxy_count()
    if proxies:
        # ipware counts the proxies *listed* in the header; the nearest one is REMOTE_ADDR.
        address, _routable = get_client_ip(
            request,
            proxy_order="left-most",
            proxy_count=proxies - 1,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
            strict=False,
        )
        if address:
            return address
    return request.META.get("REMOTE_ADDR", "")[:64] or "unknown"


def client_key(request) -> str:
    """The client as the limits count it: an IPv4 address or an IPv6 /64 network."""
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6 and ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/{IPV6_CLIENT_PREFIX}", strict=False))
    return str(ip)
