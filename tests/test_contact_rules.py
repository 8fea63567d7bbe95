import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealmaker.domain.contact_rules import is_email, is_phone
from dealmaker.services.people import PersonData, ValidationError, add_person
from dealmaker.storage.workspace import Workspace


@pytest.mark.parametrize("text", ["naam@organisatie.nl", "a.b-c@min-bzk.nl", "x@demo.example"])
def test_good_emails(text: str) -> None:
    assert is_email(text)


@pytest.mark.parametrize("text", ["Jan Jansen", "a@b", "a..b@c.nl", "@x.nl", "a@b.nl;c@d.nl"])
def test_bad_emails(text: str) -> None:
    assert not is_email(text)


@pytest.mark.parametrize("text", ["06-12345678", "+31 (0)70 123 4567", "14 070",
                                  "070 123 4567 toestel 12"])
def test_good_phones(text: str) -> None:
    assert is_phone(text)


@pytest.mark.parametrize("text", ["bel mij", "12", "06-1234abcd"])
def test_bad_phones(text: str) -> None:
    assert not is_phone(text)


@given(st.text())
def test_rules_never_raise(text: str) -> None:
    is_email(text)
    is_phone(text)


def test_service_refuses_bad_email_and_phone(workspace: Workspace) -> None:
    with pytest.raises(ValidationError) as info:
        add_person(workspace, PersonData(last_name="Jansen", email="jan jansen"))
    assert info.value.field == "email"
    with pytest.raises(ValidationError) as info:
        add_person(workspace, PersonData(last_name="Jansen", phone="bel mij"))
    assert info.value.field == "phone"
