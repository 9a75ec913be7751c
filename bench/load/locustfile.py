"""Staff of the college at work, for locust: lists, searches, detail pages, a person added, a signed scan
uploaded, an order issued — with 5–15 s between actions (LOAD_THINK=0: none, for the saturation point).

Run by bench/load/run.py (which seeds, starts gunicorn and checks what was made); by hand:

    .venv/bin/locust -f bench/load/locustfile.py --headless -u 50 -r 5 -t 120s --host http://127.0.0.1:8765

Every submission and upload that the server answered with its redirect is written to LOAD_LEDGER (JSON) at the
end, so the runner can count them in the database.
"""
import json
import os
import random
import re
import struct
import zlib
from itertools import count

from locust import HttpUser, between, constant, events, task

PASSWORD = os.environ.get("LOAD_PASSWORD", "bench-parol-1")
PEOPLE = int(os.environ.get("LOAD_PEOPLE", "10000"))
DOCUMENTS = int(os.environ.get("LOAD_DOCUMENTS", "20000"))
THINK = float(os.environ.get("LOAD_THINK", "1"))
SURNAMES = ["иванов", "петров", "смирнова", "кузнецов", "семёнов", "волков"]
HIDDEN = re.compile(r'<input[^>]*type="hidden"[^>]*>')
NUMBERS = count(1)
LEDGER = {"people": [], "scans": [], "issued": 0}


def hidden_fields(html, form_action=None):
    """The hidden inputs (CSRF token, one-time form token) of the page, or of the form posting to ``form_action``."""
    if form_action is not None:
        start = html.find(f'action="{form_action}"')
        html = html[start:html.find("</form>", start)] if start >= 0 else html
    fields = {}
    for tag in HIDDEN.findall(html):
        name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
        if name:
            fields[name.group(1)] = value.group(1) if value else ""
    return fields


def letters(number):
    """A number written in Russian letters (абв… for 0, 1, 2…): unique surnames the form accepts."""
    alphabet = "абвгдежзиклмнопрстуфхцчшщэюя"
    word = ""
    while True:
        number, digit = divmod(number, len(alphabet))
        word = alphabet[digit] + word
        if not number:
            return word


def scan_png(number):
    """A small PNG, different for each upload (the same file is never filed twice against one document)."""
    row = b"\x00" + bytes([number % 251, number // 251 % 251, 200]) * 16
    data = zlib.compress(row * 16)

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


class Staff(HttpUser):
    """Abstract: signs in as ``account`` and browses."""

    abstract = True
    account = ""
    wait_time = between(5 * THINK, 15 * THINK) if THINK else constant(0)

    def on_start(self):
        page = self.client.get("/login", name="/login").text
        fields = {**hidden_fields(page), "email": self.account, "password": PASSWORD}
        with self.client.post("/login", data=fields, name="/login [POST]", allow_redirects=False,
                              catch_response=True) as answer:
            if answer.status_code != 302:
                answer.failure(f"sign-in refused: {answer.status_code}")

    @task(4)
    def lists(self):
        path = random.choice(["/people/", f"/people/?page={random.randint(2, PEOPLE // 50)}", "/bases/mentees/",
                              "/bases/mentors/", "/documents/", "/applications/", "/bases/mentees/?year=all"])
        self.client.get(path, name=path.split("?")[0] + ("?…" if "?" in path else ""))

    @task(3)
    def search(self):
        word = random.choice(SURNAMES)
        path = random.choice([f"/people/?q={word}", f"/documents/?q={word}", f"/bases/mentees/?q={word}"])
        self.client.get(path, name=path.split("?")[0] + "?q=…")

    @task(3)
    def details(self):
        if random.random() < 0.5:
            self.client.get(f"/people/{random.randint(1, PEOPLE)}", name="/people/<id>")
        else:
            self.client.get(f"/documents/{random.randint(1, DOCUMENTS)}", name="/documents/<id>")


class Clerk(Staff):
    """Социальный педагог (staff): adds people and files signed scans."""

    account = "staff@kmt.example"
    weight = 3

    @task(1)
    def add_person(self):
        number = next(NUMBERS)
        page = self.client.get("/people/new", name="/people/new").text
        last_name = f"Нагрузкин-{letters(os.getpid())}-{letters(number)}"  # a surname is letters only
        fields = {**hidden_fields(page, "/people/new"), "last_name": last_name, "first_name": "Пётр",
                  "middle_name": "Ильич", "gender": "male", "birth_date": "2008-05-17", "category": "student",
                  "study_group": "ТМ-25", "submit": "Сохранить"}
        fields.pop("confirm_duplicate", None)
        with self.client.post("/people/new", data=fields, name="/people/new [POST]", allow_redirects=False,
                              catch_response=True) as answer:
            if answer.status_code == 302:
                LEDGER["people"].append(last_name)
            else:
                answer.failure(f"person not added: {answer.status_code}")

    @task(1)
    def upload_scan(self):
        document_id = random.randint(1, DOCUMENTS)
        page = self.client.get(f"/documents/{document_id}", name="/documents/<id>").text
        action = f"/documents/{document_id}/scans"
        if action not in page:
            return  # a draft or a cancelled document takes no scan
        number = next(NUMBERS)
        name = f"нагрузка-{os.getpid()}-{number}.png"
        with self.client.post(action, data=hidden_fields(page, action), files={"file": (name, scan_png(number),
                                                                                       "image/png")},
                              name="/documents/<id>/scans [POST]", allow_redirects=False,
                              catch_response=True) as answer:
            if answer.status_code == 302:
                LEDGER["scans"].append(name)
            else:
                answer.failure(f"scan not filed: {answer.status_code}")


class Secretary(Staff):
    """Секретарь: keeps the register, issues orders."""

    account = "secretary@kmt.example"
    weight = 1

    @task(1)
    def issue_order(self):
        page = self.client.get("/documents/new/order_appoint_curator", name="/documents/new/<kind>").text
        fields = {**hidden_fields(page, "/documents/new/order_appoint_curator"), "doc_date": "2026-09-01",
                  "academic_year": "2026/2027", "curator-last_name": "Морозова", "curator-first_name": "Ольга",
                  "curator-middle_name": "Николаевна", "curator-gender": "female",
                  "curator_position": "заместитель директора по УВР", "issue": "Выпустить документ"}
        with self.client.post("/documents/new/order_appoint_curator", data=fields, allow_redirects=False,
                              name="/documents/new/<kind> [POST]", catch_response=True) as answer:
            if answer.status_code == 302:
                LEDGER["issued"] += 1
            else:
                answer.failure(f"order not issued: {answer.status_code}")


@events.test_stop.add_listener
def _write_ledger(**_):
    path = os.environ.get("LOAD_LEDGER")
    if path:
        with open(path, "w") as handle:
            json.dump(LEDGER, handle, ensure_ascii=False)
