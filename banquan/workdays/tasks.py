from huey.contrib.djhuey import db_task


@db_task()
def recompute_deadlines() -> None:
    from banquan.workdays.services import recompute_open_deadlines

    recompute_open_deadlines()
