"""Values are checked where they enter the domain: every new event carries only what every part of
the tracker can hold, whichever door it came in by."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import uuid4 as new_id

import pytest

from domain.context import clock_set_to, recording
from domain.enums import Category, OrganizationKind, Priority, ResultLevel, Role
from domain.errors import DomainError
from domain.grant import GrantApplication
from domain.money import Money
from domain.organization import Organization
from domain.project import Project
from domain.values import ValueProblem, check_text


def _organization(name: str) -> Organization:
    return Organization.register(name, OrganizationKind.CLUSTER)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("a\x00b", "control_character"),
        ("a\x01b", "control_character"),
        ("a\x7fb", "control_character"),
        ("two\nlines", "control_character"),
        ("tab\there", "control_character"),
        ("a\u2028b", "control_character"),
        ("evil\u202etxt.exe", "control_character"),
        ("a\ud800b", "not_unicode"),
        ("x" * 501, "too_long"),
    ],
)
def test_a_name_with_what_no_store_or_page_can_hold_is_refused_naming_its_field(name, code):
    with recording("olena"), pytest.raises(ValueProblem) as refused:
        _organization(name)
    assert refused.value.code == code and refused.value.field == "name_uk"


def test_the_widest_text_the_domain_takes_is_accepted():
    with recording("olena"):
        organization = _organization("Кластер «Ї» 🚀 " + "я" * 486)
    assert len(organization.name_uk) == 500


def test_a_multi_line_field_takes_line_breaks_and_tabs_but_not_nul():
    with recording("olena"):
        project = Project.propose("CR-1", "Title", new_id(), "Taras", Priority.NOW, Category.VALUE_CHAINS,
                                  summary="First line\r\nsecond\tline")  # fmt: skip
        assert project.summary == "First line\r\nsecond\tline"
        with pytest.raises(ValueProblem):
            project.describe("Title", "a\x00b")


def test_the_reason_of_a_change_is_checked_too():
    with recording("olena", reason="a\x00b"), pytest.raises(ValueProblem) as refused:
        _organization("Name")
    assert refused.value.field == "reason"


@pytest.mark.parametrize("day", [date(1, 1, 1), date(1899, 12, 31), date(2201, 1, 1), date(9999, 12, 31)])
def test_a_date_no_one_can_mean_is_refused(day):
    with recording("olena"):
        grant = GrantApplication.prospect("Beds", new_id(), new_id(), "olena", Money.of("100", "EUR"))
        with pytest.raises(ValueProblem) as refused:
            grant.submit(day)
    assert refused.value.code == "date_range" and refused.value.field == "submitted_on"


@pytest.mark.parametrize("day", [date(1900, 1, 1), date(2200, 12, 31)])
def test_the_first_and_last_dates_are_accepted(day):
    with recording("olena"), clock_set_to(datetime(2201, 1, 1, tzinfo=UTC)):
        grant = GrantApplication.prospect("Beds", new_id(), new_id(), "olena", Money.of("100", "EUR"))
        grant.submit(day)
    assert grant.submitted_on == day


def test_a_deadline_at_the_calendars_edge_is_refused():
    with recording("olena"), pytest.raises(ValueProblem) as refused:
        GrantApplication.prospect("Beds", new_id(), new_id(), "olena", Money.of("100", "EUR"),
                                  deadline=datetime(1, 1, 1, tzinfo=UTC))  # fmt: skip
    assert refused.value.field == "deadline"


def test_a_change_cannot_have_happened_after_tomorrow():
    today = datetime.now(UTC).date()
    with recording("olena", effective_date=today + timedelta(days=1)):
        _organization("Tomorrow is within the margin")
    with recording("olena", effective_date=today + timedelta(days=3)), pytest.raises(ValueProblem) as refused:
        _organization("Later is not")
    assert refused.value.code == "future"


@pytest.mark.parametrize(
    ("amount", "currency", "code"),
    [
        ("1e26", "EUR", "too_large"),
        ("10000000000000", "UAH", "too_large"),
        ("0.005", "EUR", "too_many_places"),
        ("100.5", "JPY", "too_many_places"),
        ("1.0005", "KWD", "too_many_places"),
    ],
)
def test_an_amount_too_large_or_too_fine_for_its_currency_is_refused(amount, currency, code):
    with pytest.raises(ValueProblem) as refused:
        Money.of(amount, currency)
    assert refused.value.code == code


@pytest.mark.parametrize(
    ("amount", "currency"), [("9999999999999.99", "EUR"), ("150000.00", "UAH"), ("100", "JPY"), ("1.125", "KWD")]
)
def test_the_largest_and_finest_amounts_of_a_currency_are_accepted(amount, currency):
    assert Money.of(amount, currency).amount == Decimal(amount)


def test_a_kpi_value_with_more_decimals_than_anyone_measures_is_refused():
    with recording("olena"):
        project = Project.propose("CR-1", "Title", new_id(), "Taras", Priority.NOW, Category.VALUE_CHAINS)
        kpi = project.define_kpi("Jobs", "people", ResultLevel.OUTPUT, Decimal(0), Decimal("123456789012345"))
        with pytest.raises(ValueProblem) as refused:
            project.measure_kpi(kpi, Decimal("0.0000001"), date(2023, 1, 1), "survey")
    assert refused.value.field == "value" and refused.value.code == "too_many_places"


def test_a_refused_value_leaves_the_record_as_it_was():
    with recording("olena"):
        organization = _organization("Name")
        with pytest.raises(DomainError):
            organization.rename("a\x00b", "")
    assert organization.name_uk == "Name" and organization.version == 1


def test_a_field_of_its_own_has_its_own_limit():
    assert check_text("https://example.org/" + "x" * 1980, "call_url")
    with pytest.raises(ValueProblem):
        check_text("x" * 41, "code")


@pytest.mark.parametrize("address", ["javascript:alert(1)", "https://", "https://đ.[x+%b", "ftp://example.org", "a b"])
def test_a_call_address_is_a_web_address_or_nothing(address):
    with pytest.raises(ValueProblem) as refused:
        check_text(address, "call_url")
    assert refused.value.code == "not_a_web_address"


@pytest.mark.parametrize("days_ahead", [3, 365 * 100])
def test_a_fact_cannot_have_happened_after_tomorrow(days_ahead):
    later = datetime.now(UTC).date() + timedelta(days=days_ahead)
    with recording("olena"):
        project = Project.propose("CR-1", "Title", new_id(), "Taras", Priority.NOW, Category.VALUE_CHAINS)
        kpi = project.define_kpi("Jobs", "people", ResultLevel.OUTPUT, Decimal(0), Decimal(10))
        with pytest.raises(ValueProblem) as refused:
            project.measure_kpi(kpi, Decimal(5), later, "survey")
        milestone = project.add_milestone("Launch", later)  # a milestone may be due later, of course
        with pytest.raises(ValueProblem):
            project.reach_milestone(milestone, later)
    assert (refused.value.field, refused.value.code) == ("measured_on", "future")


def test_a_rate_cannot_be_recorded_for_a_day_that_has_not_come():
    from domain.rates import ExchangeRates

    with recording("olena"), pytest.raises(ValueProblem) as refused:
        ExchangeRates.open("UAH", "EUR", Decimal("0.0225"), date(2150, 1, 1))
    assert refused.value.field == "on"


@pytest.mark.parametrize("address", ["javascript:alert(1)//@x.example", "a b@example.org", "olena@example"])
def test_an_address_for_reminders_is_only_an_address(address):
    from domain.account import Account

    with recording("admin"):
        account = Account.open("olena", Role.FUNDRAISER, "hash")
        with pytest.raises(DomainError):
            account.set_email(address)
