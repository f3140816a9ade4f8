"""Starts moto's server with this project's narrow patches for moto 5.2.1 gaps.

Each patch makes moto do what AWS does; the README lists them.
Usage: python moto_launcher.py --port N
"""
import argparse
import os
import sys


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
    parser.add_argument("--host", default="localhost")
    args = parser.parse_args()
    # moto builds custom-resource ResponseURLs from these.
    os.environ.setdefault("MOTO_PORT", str(args.port))
    # AWS managed policies (ReadOnlyAccess, AmazonSSMManagedInstanceCore ...) exist in every
    # account; moto loads them only with this setting (once per account, on first IAM use).
    os.environ.setdefault("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
    apply_patches()
    from moto.server import main as moto_main

    sys.argv = ["moto_server", "-H", args.host, "-p", str(args.port)]
    moto_main()


if __name__ == "__main__":
    main()
