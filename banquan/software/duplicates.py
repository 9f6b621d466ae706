"""Program fingerprints of applications, copies of registered programs and mass-filing flags.
(Being written in this session: the functions the jobs call.)"""


def record_fingerprints(app_id: int) -> None:
    pass


def check_application(app_id: int) -> None:
    pass


def on_registered(registration_id: int) -> None:
    pass
