"""Behaves as unoserver 3.7's server does towards its processes, in a tenth of a second and without LibreOffice.

It ignores SIGTERM (only SIGKILL ends it, as measured) and keeps a child standing in for soffice that ignores it
too; its command line names the profile, as soffice's does. It answers the XML-RPC calls the app makes.
"""
import argparse
import signal
import subprocess
import sys
import xmlrpc.client
from pathlib import Path
from xmlrpc.server import SimpleXMLRPCServer

parser = argparse.ArgumentParser()
for option in ("--interface", "--uno-interface", "--uno-port", "--user-installation", "--conversion-timeout"):
    parser.add_argument(option)
parser.add_argument("--port", type=int)
args = parser.parse_args()
signal.signal(signal.SIGTERM, signal.SIG_IGN)
profile = Path(args.user_installation)
profile.mkdir(parents=True, exist_ok=True)
office = subprocess.Popen([sys.executable, "-c", "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
                           "time.sleep(600)", "soffice", f"-env:UserInstallation=file://{profile}"])
(profile.parent / f"soffice-{args.port}.pid").write_text(str(office.pid))
server = SimpleXMLRPCServer((args.interface, args.port), logRequests=False, allow_none=True)
server.register_function(lambda: {"api": "3", "unoserver": "stand-in"}, "info")
server.register_function(lambda *rest: xmlrpc.client.Binary(b"%PDF-1.4 stand-in"), "convert")
server.serve_forever()
