"""The synthetic portfolio for benchmarks: the shape asked for, linked into the chain as written."""

from __future__ import annotations

from portfolio.audit.verification import verify
from portfolio.demo.generate import generate
from tests.portfolio.scenario import read_models


def test_a_generated_portfolio_has_the_asked_size_and_shape_and_a_sound_chain(sqlite_url, open_portfolio):
    app = open_portfolio(sqlite_url)
    app.chain.key = "test"
    seen = []
    recorded = generate(app, 3000, progress=lambda done, total: seen.append(done))
    assert 2000 <= recorded <= 3300 and recorded == app.recorder.max_notification_id() and seen
    counts = {t: app.read_models.query(f"SELECT COUNT(*) AS n FROM {t}")[0]["n"] for t in ("rm_projects", "rm_grants")}
    assert counts == {"rm_projects": 60, "rm_grants": 90}
    verdict = verify(app.chain)
    assert verdict.ok and len(verdict.checkpoints) >= 1
    incremental = read_models(app)
    app.projector.rebuild()
    assert read_models(app) == incremental


def test_the_same_seed_records_the_same_events(tmp_path, open_portfolio):
    def recorded(url: str, seed: int) -> list[tuple]:
        app = open_portfolio(url)
        generate(app, 800, seed=seed)
        return [(n.originator_id, n.originator_version, n.topic, n.state)
                for n in app.recorder.select_notifications(1, 10_000)]  # fmt: skip

    first = recorded(f"sqlite:///{tmp_path / 'one.db'}", seed=3)
    assert recorded(f"sqlite:///{tmp_path / 'two.db'}", seed=3) == first
    assert recorded(f"sqlite:///{tmp_path / 'three.db'}", seed=4) != first
