"""Two browsers pressing the same button at the same moment: threads, each with its own client and session.

``race(seam)`` makes the overlap certain rather than likely: the first request to pass ``seam`` (the
service's check "is there one already?") waits there, up to a second, for the other to arrive too.
When a lock keeps the other out of the check, the wait times out and the first goes on alone.
"""
import contextlib
import threading

import pytest

from app.extensions import db


def concurrently(app, user, calls, timeout=60):
    """Run each ``call(client)`` in its own thread with its own signed-in client; their responses, in order."""
    results = [None] * len(calls)
    errors = []
    start = threading.Barrier(len(calls))
    session_id = user.get_id()  # read here: the row belongs to the main thread's session

    def run(index, call):
        with app.app_context():  # the thread's own database session
            try:
                client = app.test_client()
                with client.session_transaction() as session:
                    session["_user_id"] = session_id
                    session["_fresh"] = True
                start.wait(timeout=10)
                results[index] = call(client)
            except BaseException as error:  # noqa: BLE001 - reported in the main thread
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    if errors:
        raise errors[0]
    return results


@pytest.fixture
def race(monkeypatch):
    """race(module, name): the function ``module.name`` returns, then waits for the other request to arrive."""

    def install(module, name, parties=2, wait=1.0):
        original = getattr(module, name)
        meeting = threading.Barrier(parties)

        def waiting(*args, **kwargs):
            result = original(*args, **kwargs)
            with contextlib.suppress(threading.BrokenBarrierError):
                meeting.wait(timeout=wait)
            return result

        monkeypatch.setattr(module, name, waiting)

    return install
