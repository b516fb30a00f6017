"""Each kind's stage sets have one meaning, are defined once in its domain module, and agree."""

from __future__ import annotations

from domain import grant, initiative, project
from domain.enums import GrantStage, InitiativeStatus, ProjectStage, sql_list, values


def test_a_grant_is_undecided_won_or_ended_and_funded_means_won_at_some_time():
    assert set(grant.UNDECIDED) | set(grant.WON) | set(grant.ENDED) == set(GrantStage)
    assert not set(grant.UNDECIDED) & set(grant.WON) and not set(grant.WON) & set(grant.ENDED)
    assert set(grant.FUNDED) == {*grant.WON, GrantStage.CLOSED}
    assert set(grant.UNSUBMITTED) < set(grant.UNDECIDED)
    assert tuple(stage for stage in grant.ORDER if stage is not GrantStage.CLOSED) == grant.PIPELINE


def test_an_open_project_or_initiative_is_one_not_ended():
    assert set(project.OPEN) == set(ProjectStage) - {*project.CLOSED, ProjectStage.ON_HOLD}
    assert set(initiative.OPEN) == set(InitiativeStatus) - set(initiative.ENDED)


def test_the_sets_read_as_stored_values_and_as_an_sql_list():
    assert values(grant.UNSUBMITTED) == ("prospect", "drafting")
    assert sql_list(grant.UNSUBMITTED) == "'prospect', 'drafting'"
