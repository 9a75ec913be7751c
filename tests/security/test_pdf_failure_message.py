"""Issue 11, finding 6: when LibreOffice fails, the user reads a plain Russian reason; its details go to the log."""
import logging
import subprocess
import sys
import threading
import time
import xmlrpc.client
from pathlib import Path
from xmlrpc.server import SimpleXMLRPCServer

import pytest

from app.documents import converter as converter_module
from app.documents.converter import ConverterError, PdfConverter

LIBREOFFICE_TRACE = ("com.sun.star.lang.IllegalArgumentException: Unsupported URL <private:stream>: "
                     '"type detection failed"\nat ./pyuno/source/module/pyuno_except.cxx:51\n'
                     "at /build/libreoffice-7.4/sfx2/source/doc/docfile.cxx:1234")


@pytest.fixture
def failing_server(tmp_path):
    """A stand-in unoserver that answers every conversion with LibreOffice's fault."""
    server = SimpleXMLRPCServer(("127.0.0.1", 0), logRequests=False, allow_none=True)

    def convert(*args):
        raise xmlrpc.client.Fault(1, LIBREOFFICE_TRACE)

    server.register_function(convert, "convert")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    stand_in = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "unoserver"],
                                start_new_session=True)
    command = Path(f"/proc/{stand_in.pid}/cmdline")
    deadline = time.monotonic() + 10
    while b"unoserver" not in command.read_bytes() and time.monotonic() < deadline:
        time.sleep(0.01)  # until the child has exec'd: before, /proc shows the parent's command line
    converter = PdfConverter(tmp_path, sys.executable, timeout=5)
    converter._write_state({"pid": stand_in.pid, "port": server.server_address[1], "profile": str(tmp_path / "p"),
                            "owner": None})
    yield converter
    server.shutdown()
    stand_in.kill()
    stand_in.wait()


class Kept(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.fixture
def converter_log(monkeypatch):
    """What the converter writes to the app's log (a handler on its own logger: no other test's logging set-up
    can hide it)."""
    logger = logging.getLogger(converter_module.__name__)
    kept = Kept()
    monkeypatch.setattr(logger, "disabled", False)
    logger.addHandler(kept)
    yield kept
    logger.removeHandler(kept)


def test_the_user_reads_a_plain_reason_and_the_log_keeps_libreoffices_words(failing_server, converter_log):
    with pytest.raises(ConverterError) as refused:
        failing_server.convert(b"PK not really a docx")
    message = str(refused.value)
    for detail in ("pyuno", "source", ".cxx", "com.sun.star", "/build/", "Exception"):
        assert detail not in message, detail
    assert "LibreOffice не смог преобразовать документ" in message and "DOCX" in message
    logged = " ".join(converter_log.messages)
    assert "pyuno_except.cxx" in logged and "type detection failed" in logged
