"""Starts moto's server with this project's narrow patches for moto 5.2.1 gaps.

Each patch makes moto do what AWS does; the README lists them.
Usage: python moto_launcher.py --port N [--host 127.0.0.1]

The server listens on the loopback interface only: --host must be a loopback address
(127.0.0.1, the default, or ::1); anything else (0.0.0.0, a host name, a LAN address) is refused.
Clients still call it as http://localhost:<port> (moto parses S3 template URLs by that host name):
the host name of a request is independent of the address the socket is bound to.
"""
import argparse
import ipaddress
import os
import sys


def loopback_host(host: str) -> str:
    """host if it is a loopback IP address (the address moto's server binds), else SystemExit.
    A name such as "localhost" is refused too: what it resolves to is up to the machine's resolver."""
    try:
        if ipaddress.ip_address(host).is_loopback:
            return host
    except ValueError:
        pass
    raise SystemExit(f"moto_launcher: --host {host!r} is not a loopback IP address (127.0.0.1 or ::1); "
                     "the emulator listens on the loopback interface only")


def apply_patches() -> None:
    """Applies every module in patches/ (each has apply()), in name order."""
    import importlib
    import pkgutil

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import patches

    for mod in sorted(m.name for m in pkgutil.iter_modules(patches.__path__)):
        importlib.import_module(f"patches.{mod}").apply()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    host = loopback_host(args.host)
    # moto builds custom-resource ResponseURLs from these.
    os.environ.setdefault("MOTO_PORT", str(args.port))
    # AWS managed policies (ReadOnlyAccess, AmazonSSMManagedInstanceCore ...) exist in every
    # account; moto loads them only with this setting (once per account, on first IAM use).
    os.environ.setdefault("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
    apply_patches()
    from moto.server import main as moto_main

    sys.argv = ["moto_server", "-H", host, "-p", str(args.port)]
    moto_main()


if __name__ == "__main__":
    main()
