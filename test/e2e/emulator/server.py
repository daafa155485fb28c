"""
The AWS emulator of idcgen's end-to-end tests: moto's server (the WSGI application that
`python3 -m moto.server` runs) with the extension in ext_*.py, seeded from a JSON file.

    python3 server.py SEED.json

Listens on 127.0.0.1 only, on a port the OS picks (so parallel runs never race for one), and
prints one JSON line once it accepts requests: {"port", "accessKeyId", "secretAccessKey",
"instanceArn", "identityStoreId"}. Serves until SIGTERM or SIGINT, or until its standard input
closes, so it cannot outlive a harness that died without stopping it.
"""

import json
import os
import signal
import sys
import threading

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from werkzeug.serving import make_server  # noqa: E402

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app  # noqa: E402

import ext_identity_store  # noqa: E402
import ext_kms  # noqa: E402
import ext_sso_abac  # noqa: E402
import ext_sso_admin  # noqa: E402
import ext_sso_instance  # noqa: E402
from seed import seed  # noqa: E402


def main(seed_file: str) -> None:
    with open(seed_file, encoding="utf-8") as f:
        spec = json.load(f)
    ext_kms.apply()
    ext_sso_instance.apply()
    ext_sso_admin.apply()
    ext_sso_abac.apply()
    ext_identity_store.apply()
    ext_sso_instance.configure(spec["keyRequirements"])
    seeded = seed(spec)

    server = make_server("127.0.0.1", 0, DomainDispatcherApplication(create_backend_app), threaded=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()

    print(json.dumps({"port": server.server_address[1], **seeded}), flush=True)
    stop.wait()
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1])
