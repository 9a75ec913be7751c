"""A candidate's file for the commission (4.13, Приложение 5): his application, how he was put forward, his
portfolio and the signed papers of his checklist — what a member reads before scoring him.

Commission members do not see the bases (app.people.access); they reach a candidate's papers only through the
meeting whose agenda has him, and only the files listed here are served to them.
"""
from dataclasses import dataclass

from app.applications.checklist import Checklist, candidate_checklists


@dataclass
class CandidateFile:
    item: object
    checklist: Checklist

    @property
    def application(self):
        return self.item.application

    @property
    def nomination(self):
        return self.application.nomination

    @property
    def entries(self):
        """(checklist item, its signed scans, its uploaded files) for each paper of the checklist."""
        rows = []
        for entry in self.checklist.items:
            record = entry.record
            files = list(record) if isinstance(record, list) else []
            scans = list(record.current_scans) if hasattr(record, "current_scans") else []
            rows.append((entry, scans, files))
        return rows

    def scan(self, scan_id):
        return next((scan for _, scans, _ in self.entries for scan in scans if scan.id == scan_id), None)

    def file(self, file_id):
        return next((row for _, _, files in self.entries for row in files if row.id == file_id), None)


def candidate_file(item):
    application = item.application
    return CandidateFile(item, candidate_checklists([application])[application.id])
