"""Same-role IDOR: a user of the same role as the owner, changing an id in the address, reaches nothing that is
another's — another staff member's import, another secretary's ZIP, another member's review, a meeting of a
composition he does not sit on — and a record reached through another's parent in the path is 404.

Records the regulation gives to a role as a whole (people, the bases, documents of the register) are the role's:
every secretary works the same register. The role × route matrix (tests/access) covers those.
"""
import pytest
from sqlalchemy import select

from app.core.roles import Role
from app.documents.archives import request_archive
from app.documents.kinds import get_kind
from app.documents.services import issue_document
from app.excel.models import ImportBatch, ImportStatus
from app.extensions import db
from app.people import services as people_services
from app.selection.models import Review
from tests.excel.workbooks import upload
from tests.factories import make_person
from tests.security import hostile
from tests.selection.fixtures import cast


def test_another_staff_members_import_is_neither_seen_nor_confirmed(client, auth, make_user):
    owner, other = make_user(Role.STAFF, email="owner@idor.test"), make_user(Role.STAFF, email="other@idor.test")
    auth.login_as(owner)
    assert upload(client, "people", hostile.small_xlsx()).status_code == 302
    batch = db.session.scalar(select(ImportBatch))
    auth.login_as(other)
    assert client.get(f"/excel/import/{batch.id}").status_code == 403
    assert client.post(f"/excel/import/{batch.id}/confirm").status_code == 403
    assert client.post(f"/excel/import/{batch.id}/discard").status_code == 403
    assert f"/excel/import/{batch.id}\"" not in client.get("/excel/import").get_data(as_text=True)  # not his
    db.session.refresh(batch)
    assert batch.status == ImportStatus.UPLOADED
    auth.login_as(make_user(Role.CURATOR, email="curator@idor.test"))
    assert client.get(f"/excel/import/{batch.id}").status_code == 200  # the curator finishes anyone's


def test_another_secretarys_zip_is_neither_seen_nor_downloaded(app, client, auth, make_user):
    app.config["DOCUMENTS_BACKGROUND_JOBS"] = False
    owner = make_user(Role.SECRETARY, email="zip-owner@idor.test")
    other = make_user(Role.SECRETARY, email="zip-other@idor.test")
    document = issue_document("order_appoint_curator", get_kind("order_appoint_curator").example_values(), owner)
    job = request_archive([document.id], owner, "Документы")
    db.session.commit()
    auth.login_as(other)
    for path in (f"/documents/archives/{job.id}", f"/documents/archives/{job.id}/status",
                 f"/documents/archives/{job.id}/download"):
        assert client.get(path).status_code == 403, path


def test_another_members_review_cannot_be_changed(client, auth, people, meeting, candidate, on_agenda):
    (item,) = on_agenda(candidate())
    mine = cast(item, people["director"], vote="for", comment="Достойный кандидат")
    auth.login_as(people["lebedev"])
    url = f"/selection/meetings/{meeting.id}/candidates/{item.id}/review"
    client.post(url, data={"review_id": str(mine.id), "vote": "against", "comment": "чужой голос",
                           **{f"score_{score.criterion_id}": "0" for score in mine.scores}})
    db.session.expire_all()
    kept = db.session.get(Review, mine.id)
    assert (kept.vote.value, kept.comment, kept.member.user_id) == ("for", "Достойный кандидат",
                                                                      people["director"].id)


def test_a_member_reviews_only_at_his_compositions_meetings(client, auth, people, meeting, candidate, on_agenda):
    (item,) = on_agenda(candidate())
    auth.login_as(people["orlov"])  # a commission member, but not of this composition
    assert client.get(f"/selection/meetings/{meeting.id}/candidates/{item.id}").status_code == 403
    response = client.post(f"/selection/meetings/{meeting.id}/candidates/{item.id}/review", data={"vote": "for"})
    assert response.status_code == 403
    assert db.session.scalar(select(Review)) is None


def test_a_record_through_another_parent_in_the_path_is_not_found(client, auth, make_user):
    first, second = make_person(with_representative=True), make_person(last_name="Вторых", with_representative=True)
    auth.login_as(make_user(Role.STAFF, email="paths@idor.test"))
    other_rep = second.representatives[0]
    assert client.get(f"/people/{first.id}/representatives/{other_rep.id}/edit").status_code == 404
    assert client.post(f"/people/{first.id}/representatives/{other_rep.id}/delete").status_code == 404
    db.session.expire_all()
    assert people_services.find_probable_duplicates(second.last_name, second.first_name, second.middle_name,
                                                    second.birth_date)[0].representatives


@pytest.mark.parametrize("path", ["/documents/{document}/versions/9/docx", "/documents/{document}/versions/9/pdf"])
def test_a_version_of_another_number_is_not_found(client, auth, make_user, path):
    secretary = make_user(Role.SECRETARY, email="versions@idor.test")
    document = issue_document("order_appoint_curator", get_kind("order_appoint_curator").example_values(), secretary)
    db.session.commit()
    auth.login_as(secretary)
    assert client.get(path.format(document=document.id)).status_code == 404
