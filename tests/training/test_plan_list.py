"""The training plan list pages through every plan (it used to stop at the first 200 unpaged)."""

from apps.core.views import PAGE_SIZE
from apps.training.models import TrainingPlan


def test_plans_beyond_the_first_page_are_paged_not_cut(world, client_for):
    TrainingPlan.objects.bulk_create(
        TrainingPlan(department=world.team_a, year=1990 + n, title=f"计划 {n}", created_by=world.safety_manager)
        for n in range(PAGE_SIZE + 1)
    )
    client = client_for("safety_manager")
    first = client.get("/training/plans/").context["page"]
    assert (first.paginator.count, len(first.object_list), first.paginator.num_pages) == (PAGE_SIZE + 1, PAGE_SIZE, 2)
    last = client.get("/training/plans/?page=2")
    assert [p.year for p in last.context["page"].object_list] == [1990]  # newest first: the oldest comes last
    assert "计划 0" in last.content.decode()
